// The effective step size lr/‖W_k‖² of a scale-invariant layer after k SGD steps, with the same
// gradient model as norm-growth (‖g_t‖ = c/‖W_t‖).
import type { Rng } from "../../../grader/rng";

export type Params = { w0: number; lr: number; c: number; k: number };

export function generate(rng: Rng): Params {
  return {
    w0: Math.round(rng.uniform(1, 4) * 10) / 10,
    lr: rng.pick([0.1, 0.2, 0.5]),
    c: Math.round(rng.uniform(0.5, 3) * 10) / 10,
    k: rng.int(100, 20000),
  };
}

/** The recursion of norm-growth (a generator may import types only, so it is repeated here). */
export function answer(p: Params): number {
  let sq = p.w0 * p.w0;
  for (let t = 0; t < p.k; t++) sq += (p.lr * p.lr * p.c * p.c) / sq;
  return p.lr / sq;
}
