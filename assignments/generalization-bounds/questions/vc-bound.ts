// The VC generalization bound sqrt((8/N)·ln(4·((2N)^d_vc + 1)/δ)), computed in log space:
// (2N)^d_vc overflows a double long before the bound becomes interesting.
import type { Rng } from "../../../grader/rng";

export type Params = { N: number; dvc: number; delta: number };

export function generate(rng: Rng): Params {
  return {
    N: rng.pick([1000, 5000, 10000, 100000, 1000000]) * rng.int(1, 5),
    dvc: rng.int(3, 120),
    delta: rng.pick([0.1, 0.05, 0.01]),
  };
}

/** ln((2N)^d + 1) = d·ln(2N) + ln(1 + (2N)^−d), stable for any d. */
export function logGrowthPlusOne(N: number, dvc: number): number {
  const a = dvc * Math.log(2 * N);
  return a + Math.log1p(Math.exp(-a));
}

export function answer(p: Params): number {
  return Math.sqrt((8 / p.N) * (Math.log(4) + logGrowthPlusOne(p.N, p.dvc) - Math.log(p.delta)));
}
