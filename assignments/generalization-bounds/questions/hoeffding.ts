// Two-sided Hoeffding bound P(|E_in − E_out| > ε) ≤ 2·exp(−2ε²N) for one fixed hypothesis.
import type { Rng } from "../../../grader/rng";

export type Params = { N: number; eps: number };

export function generate(rng: Rng): Params {
  const eps = rng.pick([0.02, 0.03, 0.05, 0.1]);
  // Keep 2ε²N between 0.5 and 8 so the bound is neither trivial nor astronomically small.
  const lo = Math.ceil(0.25 / (eps * eps));
  const hi = Math.floor(4 / (eps * eps));
  return { N: rng.int(lo, hi), eps };
}

export function answer(p: Params): number {
  return 2 * Math.exp(-2 * p.eps * p.eps * p.N);
}
