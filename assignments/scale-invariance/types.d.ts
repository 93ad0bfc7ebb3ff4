/** LayerNorm(W·x) with eps = 0 and no affine parameters. W has one row per output unit. */
export declare function lnLinear(W: number[][], x: number[]): number[];
/** ∂(g·lnLinear(W, x))/∂W: a matrix with the shape of W. */
export declare function lnLinearGrad(W: number[][], x: number[], g: number[]): number[][];
/** The effective step size of a scale-invariant layer: lr / weightNorm². */
export declare function effectiveStepSize(lr: number, weightNorm: number): number;
/** Names, in input order, of the layers with lr·gradNorm/weightNorm < threshold (default 1e-4). */
export declare function stalledLayers(stats: { name: string; weightNorm: number; gradNorm: number }[], lr: number, threshold?: number): string[];
/**
 * Full-batch gradient descent on f(x) = v·lnLinear(W, x), loss (1/n)·Σ_s ½(f(x_s) − targets_s)²,
 * W and v updated together from the gradients at the current point. Arrays of length `steps`:
 * step k records ‖W_k‖_F, ‖∇_W L(W_k, v_k)‖_F and L(W_k, v_k), before its update.
 */
export declare function trainLnRegression(
  W0: number[][],
  v0: number[],
  X: number[][],
  targets: number[],
  lr: number,
  steps: number,
): { weightNorm: number[]; gradNorm: number[]; loss: number[] };
