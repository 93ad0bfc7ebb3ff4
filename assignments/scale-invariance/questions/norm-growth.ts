// ‖W_k‖ after k plain SGD steps on a scale-invariant layer with a constant gradient norm.
import type { Rng } from "../../../grader/rng";

export type Params = { w0: number; lr: number; g: number; k: number };

export function generate(rng: Rng): Params {
  return {
    w0: Math.round(rng.uniform(0.5, 5) * 100) / 100,
    lr: rng.pick([0.01, 0.05, 0.1, 0.2, 0.5, 1]),
    g: Math.round(rng.uniform(0.2, 5) * 100) / 100,
    k: rng.int(10, 5000),
  };
}

/** The gradient is orthogonal to W, so ‖W_{t+1}‖² = ‖W_t‖² + lr²‖g‖² (Pythagoras) at every step. */
export function answer(p: Params): number {
  return Math.sqrt(p.w0 * p.w0 + p.k * p.lr * p.lr * p.g * p.g);
}
