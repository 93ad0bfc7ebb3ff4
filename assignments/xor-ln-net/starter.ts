// LN-Nets: networks of linear layers and normalization layers only. Keep the names and types.
// Submissions must be self-contained: no imports.

export type Layer = { W: number[][]; b: number[] };
export type LNNet = { norm: "layer" | "rms"; hidden: Layer[]; head: { w: number[]; b: number } };

/**
 * For each hidden layer: h ← norm(W·h + b), where norm is LayerNorm or RMSNorm without affine
 * parameters and eps = 1e-5. Returns head.w·h + head.b.
 */
export function forwardLNNet(net: LNNet, x: number[]): number {
  let h = x;
  for (const { W, b } of net.hidden) {
    h = W.map((row, i) => row.reduce((s, wij, j) => s + wij * h[j]!, b[i]!));
    // TODO: normalize h (LayerNorm when net.norm === "layer", RMSNorm when "rms").
  }
  return h.reduce((s, v, j) => s + net.head.w[j]! * v, net.head.b);
}

// TODO: hidden widths at most 3; label·score ≥ 1e-3 on the four XOR points.
export const xorNetLN: LNNet = {
  norm: "layer",
  hidden: [],
  head: { w: [1, 1], b: -0.5 },
};

// TODO: hidden widths at most 2.
export const xorNetRMS: LNNet = {
  norm: "rms",
  hidden: [],
  head: { w: [1, 1], b: -0.5 },
};
