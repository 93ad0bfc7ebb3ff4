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
export function stalledLayers(stats: { name: string; weightNorm: number; gradNorm: number }[], lr: number, threshold = 1e-4): string[] {
  // TODO
  return [];
}

/**
 * Full-batch gradient descent on f(x) = v·lnLinear(W, x) with loss (1/n)·Σ ½(f(x_s) − t_s)²,
 * updating W and v together; step k records ‖W_k‖_F, ‖∇_W L‖_F and the loss before its update.
 */
export function trainLnRegression(
  W0: number[][],
  v0: number[],
  X: number[][],
  targets: number[],
  lr: number,
  steps: number,
): { weightNorm: number[]; gradNorm: number[]; loss: number[] } {
  // TODO: the training loop (use lnLinear and lnLinearGrad with upstream gradient r_s·v / n).
  return { weightNorm: [], gradNorm: [], loss: [] };
}
