import { defineTests, closeTo } from "../../../grader/testing";
import { forwardLNNet, type LNNet } from "./verifier";
import { checkXorNet } from "./xor-checks";

const rmsNet: LNNet = {
  norm: "rms",
  hidden: [
    {
      W: [
        [1, 2],
        [0, -1],
      ],
      b: [0.5, 1],
    },
  ],
  head: { w: [1, -2], b: 0.25 },
};
const lnNet: LNNet = {
  norm: "layer",
  hidden: [
    {
      W: [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      b: [0, 0, -1],
    },
    // Width 3 at the end too: a width-2 LayerNorm is ±(1, −1), which would hide a forward pass
    // that reads only two of its inputs.
    {
      W: [
        [1, -1, 0],
        [0, 2, 1],
        [0.5, 0, -1],
      ],
      b: [0.1, 0, 0.3],
    },
  ],
  head: { w: [3, 1, -2], b: -1 },
};

export default defineTests([
  {
    name: "forwardLNNet: one RMSNorm layer on x = (1, -1)",
    points: 1,
    run: async (s) => closeTo(await s.call("forwardLNNet", rmsNet, [1, -1]), forwardLNNet(rmsNet, [1, -1]), { rtol: 1e-7 }),
  },
  {
    name: "forwardLNNet: two LayerNorm layers on x = (0.3, 2)",
    points: 1,
    run: async (s) => closeTo(await s.call("forwardLNNet", lnNet, [0.3, 2]), forwardLNNet(lnNet, [0.3, 2]), { rtol: 1e-7 }),
  },
  {
    name: "xorNetRMS classifies XOR (RMSNorm, widths ≤ 2, margin ≥ 1e-3)",
    points: 3,
    run: (s) => checkXorNet(s, "xorNetRMS", "rms", 2),
  },
  {
    name: "xorNetLN classifies XOR (LayerNorm, widths ≤ 3, margin ≥ 1e-3)",
    points: 3,
    run: (s) => checkXorNet(s, "xorNetLN", "layer", 3),
  },
]);
