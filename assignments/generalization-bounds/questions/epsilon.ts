// The smallest ε with 2·exp(−2ε²N) ≤ δ: ε = sqrt(ln(2/δ)/(2N)).
import type { Rng } from "../../../grader/rng";

export type Params = { N: number; delta: number };

export function generate(rng: Rng): Params {
  return { N: rng.int(200, 20000), delta: rng.pick([0.1, 0.05, 0.01, 0.001]) };
}

export function answer(p: Params): number {
  return Math.sqrt(Math.log(2 / p.delta) / (2 * p.N));
}
