// Reference solution: a LayerNorm'd linear layer, its weight gradient, and two diagnostics of
// scale invariance (effective step size, stalled layers).

/** LayerNorm(W·x) with eps = 0 and no affine parameters. */
export function lnLinear(W: number[][], x: number[]): number[] {
  const z = W.map((row) => row.reduce((s, wij, j) => s + wij * x[j]!, 0));
  const d = z.length;
  const mean = z.reduce((s, v) => s + v, 0) / d;
  const sigma = Math.sqrt(z.reduce((s, v) => s + (v - mean) * (v - mean), 0) / d);
  return z.map((v) => (v - mean) / sigma);
}

/**
 * ∂(g·lnLinear(W, x))/∂W = δ xᵀ with δ = (g − mean(g)·1 − y·mean(g ⊙ y)) / σ: the upstream
 * gradient with its components along 1 and along y projected out. Both projections are what
 * makes the gradient orthogonal to W.
 */
export function lnLinearGrad(W: number[][], x: number[], g: number[]): number[][] {
  const z = W.map((row) => row.reduce((s, wij, j) => s + wij * x[j]!, 0));
  const d = z.length;
  const mean = z.reduce((s, v) => s + v, 0) / d;
  const sigma = Math.sqrt(z.reduce((s, v) => s + (v - mean) * (v - mean), 0) / d);
  const y = z.map((v) => (v - mean) / sigma);
  const gMean = g.reduce((s, v) => s + v, 0) / d;
  const gyMean = g.reduce((s, v, i) => s + v * y[i]!, 0) / d;
  const delta = g.map((gi, i) => (gi - gMean - y[i]! * gyMean) / sigma);
  return delta.map((di) => x.map((xj) => di * xj));
}

/** How far a step of SGD really turns a scale-invariant layer: lr / ‖W‖². */
export function effectiveStepSize(lr: number, weightNorm: number): number {
  return lr / (weightNorm * weightNorm);
}

/** Names (input order) of the layers whose relative update lr·‖g‖/‖W‖ is below the threshold. */
export function stalledLayers(
  stats: { name: string; weightNorm: number; gradNorm: number }[],
  lr: number,
  threshold = 1e-4,
): string[] {
  return stats.filter((s) => (lr * s.gradNorm) / s.weightNorm < threshold).map((s) => s.name);
}
