// ‖W_k‖ after k plain SGD steps on a scale-invariant layer whose gradient norm is c/‖W‖ (the
// 1/‖W‖ law of the statement, at a fixed direction), by iterating the exact recursion.
import type { Rng } from "../../../grader/rng";

export type Params = { w0: number; lr: number; c: number; k: number };

export function generate(rng: Rng): Params {
  return {
    w0: Math.round(rng.uniform(0.5, 5) * 100) / 100,
    lr: rng.pick([0.01, 0.05, 0.1, 0.2, 0.5, 1]),
    c: Math.round(rng.uniform(0.2, 5) * 100) / 100,
    k: rng.int(10, 5000),
  };
}

/** ‖W_k‖² after k steps of ‖W_{t+1}‖² = ‖W_t‖² + η²c²/‖W_t‖² (gradient ⊥ W, ‖g_t‖ = c/‖W_t‖). */
export function squaredNormAfter(p: Params): number {
  let sq = p.w0 * p.w0;
  for (let t = 0; t < p.k; t++) sq += (p.lr * p.lr * p.c * p.c) / sq;
  return sq;
}

export function answer(p: Params): number {
  return Math.sqrt(squaredNormAfter(p));
}
