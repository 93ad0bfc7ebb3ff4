// LN-Net capacity challenge. Keep the names and types; submissions must be self-contained (no imports).

export type Layer = { W: number[][]; b: number[] };
export type LNNet = { norm: "layer" | "rms"; hidden: Layer[]; head: { w: number[]; b: number } };

const EPS = 1e-5;

/** The forward pass the grader uses (h ← norm(W·h + b), then w·h + b), for your own checks. */
export function forwardLNNet(net: LNNet, x: number[]): number {
  let h = x;
  for (const { W, b } of net.hidden) {
    const z = W.map((row, i) => row.reduce((s, wij, j) => s + wij * h[j]!, b[i]!));
    const d = z.length;
    const mean = net.norm === "layer" ? z.reduce((s, v) => s + v, 0) / d : 0;
    const r = Math.sqrt(z.reduce((s, v) => s + (v - mean) * (v - mean), 0) / d + EPS);
    h = z.map((v) => (v - mean) / r);
  }
  return h.reduce((s, v, j) => s + net.head.w[j]! * v, net.head.b);
}

/**
 * An LN-Net (norm "layer" with hidden widths ≤ 3, or norm "rms" with widths ≤ 2) with
 * labels[i] · f(points[i]) ≥ 1e-6 for every i. Points are in general position in the plane.
 */
export function buildNet(points: number[][], labels: number[]): LNNet {
  // TODO: this perceptron is only a linear classifier; add normalization layers.
  const w = [0, 0];
  let b = 0;
  for (let epoch = 0; epoch < 100; epoch++) {
    points.forEach((x, i) => {
      const y = labels[i]!;
      if (y * (w[0]! * x[0]! + w[1]! * x[1]! + b) <= 1e-3) {
        w[0] = w[0]! + y * x[0]!;
        w[1] = w[1]! + y * x[1]!;
        b += y;
      }
    });
  }
  return { norm: "rms", hidden: [], head: { w, b } };
}
