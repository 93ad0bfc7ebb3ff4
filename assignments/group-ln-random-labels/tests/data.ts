// Trusted data for the group-LN tests: random-label data sets and the reference experiment.
import type { Rng } from "../../../grader/rng";
import { createRng } from "../../../grader/rng";
import { train } from "../solution";

export type LabelledSet = { X: number[][]; y: number[] };

/** m standard-normal inputs in d dimensions with labels ±1 drawn independently of them. */
export function randomLabels(rng: Rng, m: number, d: number): LabelledSet {
  const X = Array.from({ length: m }, () => Array.from({ length: d }, () => rng.normal()));
  const y = X.map(() => (rng.next() < 0.5 ? -1 : 1));
  return { X, y };
}

/** The experiment's sizes: width 12 split into 1, 2 or 4 groups (groups of 12, 6 and 3 units). */
export const EXPERIMENT = { m: 48, d: 4, width: 12, steps: 300, lr: 0.5, groupCounts: [1, 2, 4] } as const;

/** The visible data set the student's page plots (fixed, so every student sees the same task). */
export const PLOT_SET: LabelledSet = randomLabels(createRng("group-ln/plot-dataset/v1"), EXPERIMENT.m, EXPERIMENT.d);
export const PLOT_SEED = 7;

/** The reference's fitted fraction per group count on the plot data set. */
export function referenceFractions(): number[] {
  return EXPERIMENT.groupCounts.map(
    (groups) => train({ ...PLOT_SET, width: EXPERIMENT.width, groups, steps: EXPERIMENT.steps, lr: EXPERIMENT.lr, seed: PLOT_SEED }).fittedFraction,
  );
}

/** Every k-th entry (and the last), so a recorded curve stays small. */
export function thin(values: number[], every: number): number[] {
  const out = values.filter((_, i) => i % every === 0);
  if ((values.length - 1) % every !== 0) out.push(values[values.length - 1]!);
  return out;
}
