// The effective step size lr/‖W_k‖² of a scale-invariant layer after k SGD steps.
import type { Rng } from "../../../grader/rng";

export type Params = { w0: number; lr: number; g: number; k: number };

export function generate(rng: Rng): Params {
  return {
    w0: Math.round(rng.uniform(1, 4) * 10) / 10,
    lr: rng.pick([0.1, 0.2, 0.5]),
    g: Math.round(rng.uniform(0.5, 3) * 10) / 10,
    k: rng.int(100, 20000),
  };
}

export function answer(p: Params): number {
  return p.lr / (p.w0 * p.w0 + p.k * p.lr * p.lr * p.g * p.g);
}
