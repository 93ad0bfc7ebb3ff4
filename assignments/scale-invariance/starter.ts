// Scale invariance of normalized layers. Keep the names and signatures; no imports.

/** LayerNorm(W·x) with eps = 0 and no affine parameters. */
export function lnLinear(W: number[][], x: number[]): number[] {
  const z = W.map((row) => row.reduce((s, wij, j) => s + wij * x[j]!, 0));
  // TODO: subtract the mean of z and divide by its (biased) standard deviation.
  return z;
}

/** ∂(g·lnLinear(W, x))/∂W, a matrix of the shape of W. */
export function lnLinearGrad(W: number[][], x: number[], g: number[]): number[][] {
  // TODO: this is the gradient of g·(W·x) — the normalization is missing.
  return g.map((gi) => x.map((xj) => gi * xj));
}

/** lr / ‖W‖². */
export function effectiveStepSize(lr: number, weightNorm: number): number {
  // TODO
  return lr;
}

/** Names (input order) of the layers with lr·gradNorm/weightNorm < threshold. */
export function stalledLayers(
  stats: { name: string; weightNorm: number; gradNorm: number }[],
  lr: number,
  threshold = 1e-4,
): string[] {
  // TODO
  return [];
}
