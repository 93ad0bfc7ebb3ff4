/** One hidden layer: z = W·h + b, then normalization. W has one row per output unit. */
export type Layer = { W: number[][]; b: number[] };
/** A network of linear layers and normalization layers (no activation functions). */
export type LNNet = { norm: "layer" | "rms"; hidden: Layer[]; head: { w: number[]; b: number } };
/**
 * An LN-Net classifying every labelled point with margin labels[i]·f(points[i]) ≥ 1e-6:
 * norm "layer" with hidden widths ≤ 3, or norm "rms" with hidden widths ≤ 2. At most 1 s per call.
 */
export declare function buildNet(points: number[][], labels: number[]): LNNet;
