import { defineTests, fail } from "../../../grader/testing";
import type { Instance } from "./instances";
import { instanceProblem } from "./check";

const VISIBLE: Instance[] = [
  {
    name: "xor",
    points: [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ],
    labels: [-1, 1, 1, -1],
  },
  {
    name: "five points",
    points: [
      [0, 0],
      [2, 0.3],
      [0.9, 1.7],
      [-0.4, 1.1],
      [1.2, 0.6],
    ],
    labels: [1, 1, 1, 1, -1],
  },
  {
    name: "alternating hexagon",
    points: Array.from({ length: 6 }, (_, i) => [Math.cos((Math.PI * i) / 3), Math.sin((Math.PI * i) / 3)]),
    labels: [1, -1, 1, -1, 1, -1],
  },
];

export default defineTests(
  VISIBLE.map((inst) => ({
    name: `buildNet classifies the visible instance "${inst.name}" (margin ≥ 1e-6)`,
    points: 1,
    run: async (s) => {
      const problem = await instanceProblem(s, inst);
      if (problem !== null) fail(problem);
    },
  })),
);
