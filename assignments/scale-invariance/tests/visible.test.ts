import { defineTests, allClose, assertEqual, closeTo, fail } from "../../../grader/testing";
import { lnLinearGrad } from "../solution";

const W = [[1, 0.5], [-0.3, 2], [0.7, -1]];
const x = [1.5, -0.5];
const g = [0.2, -1, 0.4];

export default defineTests([
  {
    name: "lnLinear with W = I and x = (1, 2, 3)",
    points: 1,
    run: async (s) => {
      const y = await s.call("lnLinear", [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [1, 2, 3]);
      allClose(y, [-Math.sqrt(1.5), 0, Math.sqrt(1.5)], { rtol: 1e-9, atol: 1e-12 });
    },
  },
  {
    name: "lnLinearGrad on a 3×2 example",
    points: 2,
    run: async (s) => {
      const G = await s.call<number[][]>("lnLinearGrad", W, x, g);
      const R = lnLinearGrad(W, x, g);
      if (!Array.isArray(G) || G.length !== R.length) fail(`expected a ${R.length}×2 matrix, got ${JSON.stringify(G)}`);
      R.forEach((row, i) => allClose(G[i], row, { rtol: 1e-7, atol: 1e-10 }, `gradient row ${i}`));
    },
  },
  {
    name: "effectiveStepSize(0.1, 2) = 0.025",
    points: 1,
    run: async (s) => closeTo(await s.call("effectiveStepSize", 0.1, 2), 0.025, { rtol: 1e-12 }),
  },
  {
    name: "stalledLayers with the default threshold",
    points: 1,
    run: async (s) => {
      const stats = [
        { name: "embed", weightNorm: 400, gradNorm: 0.02 },
        { name: "block.0", weightNorm: 10, gradNorm: 0.5 },
        { name: "block.1", weightNorm: 900, gradNorm: 0.05 },
      ];
      assertEqual(await s.call("stalledLayers", stats, 0.1), ["embed", "block.1"]);
    },
  },
]);
