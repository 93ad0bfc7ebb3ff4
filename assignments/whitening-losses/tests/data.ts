// Trusted data for the whitening tests: targets, the experiment's sizes and the plot's fixed run.
import type { Rng } from "../../../grader/rng";

/** The experiment: n = 32 samples, d = 6 features, 50 steps of size 0.05, soft weight beta = 4. */
export const EXPERIMENT = { n: 32, d: 6, steps: 50, lr: 0.05, beta: 4 } as const;

/** The hidden claim's tolerance on the relative change of the stable rank under hard whitening. */
export const HARD_TOLERANCE = 0.03;

export function randomMatrix(rng: Rng, n: number, d: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
}

/** Deterministic target of the plot run (no Rng needed: the same for every student). */
export const PLOT_TARGET: number[][] = Array.from({ length: EXPERIMENT.n }, (_, s) =>
  Array.from({ length: EXPERIMENT.d }, (_, j) => Math.sin(1.7 * s + 2.3 * j + 0.5) * 1.2),
);
export const PLOT_SEED = 5;
