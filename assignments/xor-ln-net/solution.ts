// Reference solution: the LN-Net forward pass and two one-layer XOR constructions.

export type Layer = { W: number[][]; b: number[] };
export type LNNet = { norm: "layer" | "rms"; hidden: Layer[]; head: { w: number[]; b: number } };

const EPS = 1e-5;

function normalize(z: number[], norm: "layer" | "rms"): number[] {
  const d = z.length;
  const mean = norm === "layer" ? z.reduce((s, v) => s + v, 0) / d : 0;
  let sq = 0;
  for (const v of z) sq += (v - mean) * (v - mean);
  const r = Math.sqrt(sq / d + EPS); // biased variance (LayerNorm) or mean square (RMSNorm)
  return z.map((v) => (v - mean) / r);
}

export function forwardLNNet(net: LNNet, x: number[]): number {
  let h = x;
  for (const { W, b } of net.hidden) {
    const z = W.map((row, i) => row.reduce((s, wij, j) => s + wij * h[j]!, b[i]!));
    h = normalize(z, net.norm);
  }
  return h.reduce((s, v, j) => s + net.head.w[j]! * v, net.head.b);
}

// RMSNorm of a 2-vector z is √2·z/|z| (up to eps): the direction of x seen from the point
// (−1, −0.2). In that angular order the labels read +, −, −, + (angles 5.7°, 11.3°, 31.0°,
// 50.2°), so a chord of the circle — a linear head — cuts the two negatives off.
export const xorNetRMS: LNNet = {
  norm: "rms",
  hidden: [
    {
      W: [
        [10, 0],
        [0, 10],
      ],
      b: [10, 2],
    },
  ],
  head: { w: [-6.5954, -2.5496], b: 9.7437 },
};

// LayerNorm of a width-3 vector first removes the mean, i.e. projects onto the plane ⊥ (1,1,1),
// then rescales it to radius √3: the same circle picture. Embed the RMS construction in that
// plane with the orthonormal basis e1 = (1,−1,0)/√2, e2 = (1,1,−2)/√6.
export const xorNetLN: LNNet = {
  norm: "layer",
  hidden: [
    {
      W: [
        [7.0711, 4.0825],
        [-7.0711, 4.0825],
        [0, -8.165],
      ],
      b: [7.8876, -6.2546, -1.633],
    },
  ],
  head: { w: [-4.6577, 2.958, 1.6997], b: 9.7437 },
};
