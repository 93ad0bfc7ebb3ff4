/** One hidden layer: z = W·h + b, then normalization. W has one row per output unit. */
export type Layer = { W: number[][]; b: number[] };
/** A network of linear layers and normalization layers (no activation functions). */
export type LNNet = { norm: "layer" | "rms"; hidden: Layer[]; head: { w: number[]; b: number } };
/** h ← norm(W·h + b) per hidden layer (no affine parameters, eps = 1e-5); returns head.w·h + head.b. */
export declare function forwardLNNet(net: LNNet, x: number[]): number;
/** XOR with LayerNorm: every hidden width at most 3, margin label·score ≥ 1e-3. */
export declare const xorNetLN: LNNet;
/** XOR with RMSNorm: every hidden width at most 2, margin label·score ≥ 1e-3. */
export declare const xorNetRMS: LNNet;
