/** (x_i − mean) / sqrt(var + eps) · gamma_i + beta_i, with the biased variance (divide by n). */
export declare function layerNorm(x: number[], gamma?: number[], beta?: number[], eps?: number): number[];
/** x_i / sqrt(mean(x²) + eps) · gamma_i. */
export declare function rmsNorm(x: number[], gamma?: number[], eps?: number): number[];
/** Splits x into `groups` equal contiguous chunks and layer-normalizes each (no affine). Throws RangeError on invalid groups. */
export declare function groupNorm(x: number[], groups: number, eps?: number): number[];
