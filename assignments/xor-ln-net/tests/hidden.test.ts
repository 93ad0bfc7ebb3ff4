import { defineTests, fail, isClose, type Student } from "../../../grader/testing";
import type { Rng } from "../../../grader/rng";
import { forwardLNNet, type LNNet } from "./verifier";

/** A random LN-Net with the given norm; `scale` sets the size of the weights. */
function randomNet(rng: Rng, norm: "layer" | "rms", inputDim: number, scale = 1): LNNet {
  const depth = rng.int(1, 4);
  const hidden = [];
  let width = inputDim;
  for (let l = 0; l < depth; l++) {
    const out = rng.int(1, 5);
    hidden.push({
      W: Array.from({ length: out }, () => Array.from({ length: width }, () => scale * rng.normal())),
      b: Array.from({ length: out }, () => scale * rng.normal()),
    });
    width = out;
  }
  return { norm, hidden, head: { w: Array.from({ length: width }, () => rng.normal()), b: rng.normal() } };
}

/** Fraction of random nets (drawn per grading from the test's ctx.rng) on which the student's forward pass matches the trusted one. */
async function agreement(s: Student, rng: Rng, norm: "layer" | "rms", count: number, scale = 1): Promise<number> {
  let ok = 0;
  for (let i = 0; i < count; i++) {
    const inputDim = rng.int(2, 4);
    const net = randomNet(rng, norm, inputDim, scale);
    const x = Array.from({ length: inputDim }, () => rng.normal());
    if (isClose(await s.call("forwardLNNet", net, x), forwardLNNet(net, x), { rtol: 1e-7, atol: 1e-9 })) ok++;
  }
  return ok / count;
}

export default defineTests([
  {
    name: "forwardLNNet matches the trusted pass on random LayerNorm nets",
    points: 3,
    run: (s, ctx) => agreement(s, ctx.rng("random-layer"), "layer", 20),
  },
  {
    name: "forwardLNNet matches the trusted pass on random RMSNorm nets",
    points: 3,
    run: (s, ctx) => agreement(s, ctx.rng("random-rms"), "rms", 20),
  },
  {
    name: "forwardLNNet: eps = 1e-5 sits inside the square root (tiny pre-activations)",
    points: 2,
    run: async (s, ctx) => {
      const a = await agreement(s, ctx.rng("tiny-layer"), "layer", 8, 1e-3);
      const b = await agreement(s, ctx.rng("tiny-rms"), "rms", 8, 1e-3);
      return (a + b) / 2;
    },
  },
  {
    name: "forwardLNNet: no hidden layers is a linear model",
    points: 1,
    run: async (s) => {
      const net: LNNet = { norm: "layer", hidden: [], head: { w: [2, -3], b: 0.5 } };
      const y = await s.call("forwardLNNet", net, [1.5, 0.25]);
      if (!isClose(y, 2.75, { rtol: 1e-12 })) fail(`expected 2.75, got ${String(y)}`);
    },
  },
  {
    name: "forwardLNNet: a width-1 LayerNorm outputs zero",
    points: 1,
    run: async (s) => {
      const net: LNNet = { norm: "layer", hidden: [{ W: [[3, 4]], b: [1] }], head: { w: [5], b: -0.5 } };
      const y = await s.call("forwardLNNet", net, [1, 2]);
      if (!isClose(y, -0.5, { rtol: 1e-9, atol: 1e-9 })) fail(`expected -0.5, got ${String(y)}`);
    },
  },
]);
