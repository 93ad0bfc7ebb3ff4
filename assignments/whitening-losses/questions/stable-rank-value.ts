// Stable rank of the power-law spectrum λ_k = k^(−α), k = 1..d: Σ λ_k / λ_1 = Σ k^(−α).
import type { Rng } from "../../../grader/rng";

export type Params = { d: number; alpha: number };

export function generate(rng: Rng): Params {
  return { d: rng.int(8, 256), alpha: rng.pick([0.5, 0.8, 1, 1.2, 1.5, 2]) };
}

export function answer(p: Params): number {
  let s = 0;
  for (let k = 1; k <= p.d; k++) s += Math.pow(k, -p.alpha);
  return s;
}
