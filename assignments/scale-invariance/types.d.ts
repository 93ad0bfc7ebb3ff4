/** LayerNorm(W·x) with eps = 0 and no affine parameters. W has one row per output unit. */
export declare function lnLinear(W: number[][], x: number[]): number[];
/** ∂(g·lnLinear(W, x))/∂W: a matrix with the shape of W. */
export declare function lnLinearGrad(W: number[][], x: number[], g: number[]): number[][];
/** The effective step size of a scale-invariant layer: lr / weightNorm². */
export declare function effectiveStepSize(lr: number, weightNorm: number): number;
/** Names, in input order, of the layers with lr·gradNorm/weightNorm < threshold (default 1e-4). */
export declare function stalledLayers(
  stats: { name: string; weightNorm: number; gradNorm: number }[],
  lr: number,
  threshold?: number,
): string[];
