// Trusted training runs for the stall experiment: a LayerNorm'd layer W (started small, so its
// first gradients are large and its norm jumps) under a linear head v, fitted to a smooth target.
import type { Rng } from "../../../grader/rng";

export type TrainingRun = { W0: number[][]; v0: number[]; X: number[][]; targets: number[]; lr: number; steps: number };
export type Figures = { weightNorm: number[]; gradNorm: number[]; loss: number[] };

export function trainingRun(rng: Rng, o: { dOut: number; dIn: number; n: number; steps: number; lr?: number; w0Scale?: number }): TrainingRun {
  const W0 = Array.from({ length: o.dOut }, () => Array.from({ length: o.dIn }, () => (o.w0Scale ?? 0.03) * rng.normal()));
  const v0 = Array.from({ length: o.dOut }, () => 0.5 * rng.normal());
  const X = Array.from({ length: o.n }, () => Array.from({ length: o.dIn }, () => rng.normal()));
  const targets = X.map((x) => Math.tanh(x[0]! - 0.5 * (x[1] ?? 0)) + 0.3 * (x[2] ?? 0));
  return { W0, v0, X, targets, lr: o.lr ?? 0.2, steps: o.steps };
}

export const runArgs = (r: TrainingRun) => [r.W0, r.v0, r.X, r.targets, r.lr, r.steps];

/** Why `value` is not figures of a run of `steps` steps (three arrays of finite numbers), or null. */
export function figuresProblem(value: unknown, steps: number): string | null {
  if (typeof value !== "object" || value === null) return "trainLnRegression must return { weightNorm, gradNorm, loss }";
  for (const key of ["weightNorm", "gradNorm", "loss"] as const) {
    const a = (value as Record<string, unknown>)[key];
    if (!Array.isArray(a) || a.length !== steps) return `${key} must be an array with one number per step (${steps})`;
    if (!a.every((v) => typeof v === "number" && Number.isFinite(v))) return `${key} must hold finite numbers`;
  }
  return null;
}

/** The figures of the stall, from a run's own records: how much the effective step η/‖W‖² fell,
 * the layer's last relative update η‖∇‖/‖W‖, and how much the loss fell over the second half. */
export function stallFigures(
  f: Figures,
  lr: number,
): { effectiveStepRatio: number; lastRelativeUpdate: number; firstRelativeUpdate: number; lateLossRatio: number } {
  const last = f.weightNorm.length - 1;
  const mid = Math.floor(last / 2);
  return {
    effectiveStepRatio: (f.weightNorm[0]! / f.weightNorm[last]!) ** 2,
    firstRelativeUpdate: (lr * f.gradNorm[0]!) / f.weightNorm[0]!,
    lastRelativeUpdate: (lr * f.gradNorm[last]!) / f.weightNorm[last]!,
    lateLossRatio: f.loss[last]! / f.loss[mid]!,
  };
}
