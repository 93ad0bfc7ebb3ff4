// The sample size for a finite class of M hypotheses (union bound): N = ceil(ln(2M/δ)/(2ε²)).
import type { Rng } from "../../../grader/rng";

export type Params = { M: number; eps: number; delta: number };

const raw = (p: Params) => Math.log((2 * p.M) / p.delta) / (2 * p.eps * p.eps);

export function generate(rng: Rng): Params {
  for (;;) {
    const p = {
      M: rng.pick([10, 100, 1000, 10000, 1000000]) * rng.int(1, 9),
      eps: rng.pick([0.01, 0.02, 0.05, 0.1]),
      delta: rng.pick([0.1, 0.05, 0.01]),
    };
    // Stay away from integers so rounding error cannot move the ceiling.
    const r = raw(p);
    const frac = r - Math.floor(r);
    if (frac > 1e-6 && frac < 1 - 1e-6) return p;
  }
}

export function answer(p: Params): number {
  return Math.ceil(raw(p));
}
