// Trusted checks of the XOR constructions, shared by the visible and hidden tests.
import { fail } from "../../../grader/testing";
import type { Student } from "../../../grader/testing";
import { forwardLNNet, netProblem, type LNNet } from "./verifier";

export const XOR_POINTS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const XOR_LABELS = [-1, 1, 1, -1];
export const XOR_MARGIN = 1e-3;

/** Reads the exported constant and checks it with the trusted forward pass only. */
export async function checkXorNet(student: Student, name: string, norm: "layer" | "rms", maxWidth: number): Promise<void> {
  const net = await student.get(name);
  const problem = netProblem(net, { norm, maxWidth, inputDim: 2 });
  if (problem !== null) fail(`${name}: ${problem}`);
  XOR_POINTS.forEach((x, i) => {
    const score = forwardLNNet(net as LNNet, x);
    const margin = XOR_LABELS[i]! * score;
    if (!(margin >= XOR_MARGIN)) {
      fail(`${name}: the point (${x.join(", ")}) with label ${XOR_LABELS[i]} gets score ${score}; label·score must be at least ${XOR_MARGIN}`);
    }
  });
}
