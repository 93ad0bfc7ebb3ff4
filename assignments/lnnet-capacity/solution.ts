// Reference solution: a constructive "merge" LN-Net (RMSNorm, width 2).
// Every hidden layer is h <- RMSNorm(s·(h − p)): the direction of h seen from a chosen point p.
// Putting p on the line through two same-label representations x and y, just beyond x, sends x
// and y to the same direction (they merge) while every other point keeps its own direction.
// Each layer removes one distinct point; three distinct points on a circle are always linearly
// separable, so at most m − 3 layers are needed for m ≥ 4 points. A greedy search over the
// possible merges stops as soon as the head can separate the labels.

export type Layer = { W: number[][]; b: number[] };
export type LNNet = { norm: "layer" | "rms"; hidden: Layer[]; head: { w: number[]; b: number } };

const EPS = 1e-5;
type Vec = [number, number];

function rmsLayer(layer: Layer, h: Vec): Vec {
  const W = layer.W;
  const z0 = W[0]![0]! * h[0] + W[0]![1]! * h[1] + layer.b[0]!;
  const z1 = W[1]![0]! * h[0] + W[1]![1]! * h[1] + layer.b[1]!;
  const r = Math.sqrt((z0 * z0 + z1 * z1) / 2 + EPS);
  return [z0 / r, z1 / r];
}

const dist = (a: Vec, b: Vec): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** The best separating direction found among many candidates: gap > 0 means separable. */
function separator(pts: Vec[], labels: number[]): { w: Vec; t: number; gap: number } {
  const dirs: Vec[] = [];
  for (let k = 0; k < 360; k++) dirs.push([Math.cos((k * Math.PI) / 360), Math.sin((k * Math.PI) / 360)]);
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const dx = pts[j]![0] - pts[i]![0];
      const dy = pts[j]![1] - pts[i]![1];
      const n = Math.hypot(dx, dy);
      if (n > 0) dirs.push([dx / n, dy / n], [-dy / n, dx / n]);
    }
  }
  let best = { w: [1, 0] as Vec, t: 0, gap: -Infinity };
  for (const d of dirs) {
    for (const sign of [1, -1]) {
      const w: Vec = [sign * d[0], sign * d[1]];
      let minPos = Infinity;
      let maxNeg = -Infinity;
      pts.forEach((p, i) => {
        const v = w[0] * p[0] + w[1] * p[1];
        if (labels[i]! > 0) minPos = Math.min(minPos, v);
        else maxNeg = Math.max(maxNeg, v);
      });
      const gap = minPos - maxNeg;
      if (gap > best.gap) best = { w, t: (minPos + maxNeg) / 2, gap };
    }
  }
  return best;
}

/** Smallest distance between two points of different labels (how safe the representation is). */
function safety(pts: Vec[], labels: number[]): number {
  let m = Infinity;
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) if (labels[i] !== labels[j]) m = Math.min(m, dist(pts[i]!, pts[j]!));
  }
  return m;
}

/** Indices of one representative per group of (numerically) coinciding points. */
function clusters(pts: Vec[], tol: number): number[] {
  const reps: number[] = [];
  pts.forEach((p, i) => {
    if (!reps.some((r) => dist(pts[r]!, p) < tol)) reps.push(i);
  });
  return reps;
}

function mergeLayer(pts: Vec[], x: Vec, y: Vec, delta: number): Layer {
  const d = dist(x, y);
  const p: Vec = [x[0] + (delta * (x[0] - y[0])) / d, x[1] + (delta * (x[1] - y[1])) / d];
  // Scale so every |W·h + b| is large and eps cannot shrink one point more than another.
  let nearest = Infinity;
  for (const h of pts) nearest = Math.min(nearest, dist(h, p));
  const s = 1e4 / nearest;
  return {
    W: [
      [s, 0],
      [0, s],
    ],
    b: [-s * p[0], -s * p[1]],
  };
}

export function buildNet(points: number[][], labels: number[]): LNNet {
  let pts: Vec[] = points.map((p) => [p[0] ?? 0, p[1] ?? 0]);
  // One label only: a constant head does it.
  if (labels.every((l) => l === labels[0])) return { norm: "rms", hidden: [], head: { w: [0, 0], b: labels[0] ?? 1 } };
  const hidden: Layer[] = [];
  const CLUSTER_TOL = 1e-9;
  for (let depth = 0; depth < 16; depth++) {
    const sep = separator(pts, labels);
    const scale = Math.max(...pts.map((p) => Math.hypot(p[0], p[1])), 1e-12);
    if (sep.gap > 1e-9 * scale) {
      const k = 2 / sep.gap; // margin exactly 1 on the training points
      return { norm: "rms", hidden, head: { w: [k * sep.w[0], k * sep.w[1]], b: -k * sep.t } };
    }
    const reps = clusters(pts, CLUSTER_TOL * scale);
    let best: { layer: Layer; next: Vec[]; score: number } | null = null;
    for (const xi of reps) {
      for (const yi of reps) {
        if (xi === yi || labels[xi] !== labels[yi]) continue;
        const x = pts[xi]!;
        const y = pts[yi]!;
        let nearest = Infinity;
        for (const r of reps) if (r !== xi) nearest = Math.min(nearest, dist(pts[r]!, x));
        for (const f of [0.5, 0.2, 0.05, 0.01]) {
          const layer = mergeLayer(pts, x, y, f * nearest);
          const next = pts.map((h) => rmsLayer(layer, h));
          const sepNext = separator(next, labels);
          // Prefer a layer after which the head separates; otherwise the safest merge.
          const score = sepNext.gap > 1e-9 ? 10 + sepNext.gap : safety(next, labels);
          if (best === null || score > best.score) best = { layer, next, score };
        }
      }
    }
    if (best === null) break;
    hidden.push(best.layer);
    pts = best.next;
  }
  const sep = separator(pts, labels);
  const k = sep.gap > 0 ? 2 / sep.gap : 1;
  return { norm: "rms", hidden, head: { w: [k * sep.w[0], k * sep.w[1]], b: -k * sep.t } };
}
