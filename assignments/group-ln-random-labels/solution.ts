// Reference solution: group LayerNorm, a one-hidden-layer linear + group-LN network, its exact
// gradient, and a seeded full-batch gradient-descent loop on random labels.

export type Params = { W: number[][]; b: number[]; v: number[]; c: number };
export type TrainConfig = { X: number[][]; y: number[]; width: number; groups: number; steps: number; lr: number; seed: number };
export type TrainResult = { initial: Params; final: Params; losses: number[]; fittedFraction: number };

/** A small seeded generator (mulberry32): uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal numbers from a uniform generator (Box–Muller, one value per call). */
export function gaussian(uniform: () => number): () => number {
  return () => {
    let u = 0;
    while (u === 0) u = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

/** LayerNorm inside each of `groups` contiguous blocks of z: biased variance, eps inside the root. */
export function groupLayerNorm(z: number[], groups: number, eps = 1e-5): number[] {
  const s = z.length / groups;
  const out = new Array<number>(z.length);
  for (let g = 0; g < groups; g++) {
    let mu = 0;
    for (let i = g * s; i < (g + 1) * s; i++) mu += z[i]! / s;
    let v = 0;
    for (let i = g * s; i < (g + 1) * s; i++) v += (z[i]! - mu) ** 2 / s;
    const r = 1 / Math.sqrt(v + eps);
    for (let i = g * s; i < (g + 1) * s; i++) out[i] = (z[i]! - mu) * r;
  }
  return out;
}

/** f(x) = v · GLN(W x + b) + c. */
export function forward(p: Params, x: number[], groups: number): number {
  const z = p.W.map((row, i) => row.reduce((t, w, j) => t + w * x[j]!, p.b[i]!));
  const h = groupLayerNorm(z, groups);
  return h.reduce((t, hi, i) => t + hi * p.v[i]!, p.c);
}

/** Mean logistic loss log(1 + exp(−y f(x))) over the data set, and its gradient in every parameter. */
export function lossAndGradient(p: Params, X: number[][], y: number[], groups: number): { loss: number; grad: Params } {
  const eps = 1e-5;
  const k = p.W.length;
  const d = p.W[0]!.length;
  const m = X.length;
  const s = k / groups;
  const grad: Params = { W: p.W.map((r) => r.map(() => 0)), b: new Array<number>(k).fill(0), v: new Array<number>(k).fill(0), c: 0 };
  let loss = 0;
  for (let n = 0; n < m; n++) {
    const x = X[n]!;
    const z = p.W.map((row, i) => row.reduce((t, w, j) => t + w * x[j]!, p.b[i]!));
    const h = new Array<number>(k);
    const rs = new Array<number>(groups);
    for (let g = 0; g < groups; g++) {
      let mu = 0;
      for (let i = g * s; i < (g + 1) * s; i++) mu += z[i]! / s;
      let v = 0;
      for (let i = g * s; i < (g + 1) * s; i++) v += (z[i]! - mu) ** 2 / s;
      rs[g] = 1 / Math.sqrt(v + eps);
      for (let i = g * s; i < (g + 1) * s; i++) h[i] = (z[i]! - mu) * rs[g]!;
    }
    const f = h.reduce((t, hi, i) => t + hi * p.v[i]!, p.c);
    const margin = y[n]! * f;
    // log(1 + e^{−margin}) without overflow; dℓ/df = −y·σ(−margin).
    loss += (margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin))) / m;
    const df = -y[n]! / (1 + Math.exp(margin)) / m;
    grad.c += df;
    for (let g = 0; g < groups; g++) {
      let meanG = 0;
      let meanGH = 0;
      for (let i = g * s; i < (g + 1) * s; i++) {
        const gi = df * p.v[i]!;
        meanG += gi / s;
        meanGH += (gi * h[i]!) / s;
      }
      for (let i = g * s; i < (g + 1) * s; i++) {
        grad.v[i]! += df * h[i]!;
        const dz = rs[g]! * (df * p.v[i]! - meanG - h[i]! * meanGH);
        grad.b[i]! += dz;
        const gw = grad.W[i]!;
        for (let j = 0; j < d; j++) gw[j]! += dz * x[j]!;
      }
    }
  }
  return { loss, grad };
}

/** Seeded initialisation, in this order: W row by row ~ N(0, 1/d), b ~ N(0, 1), v ~ N(0, 1/width), c = 0. */
export function initParams(seed: number, width: number, inputDim: number): Params {
  const normal = gaussian(mulberry32(seed));
  const W = Array.from({ length: width }, () => Array.from({ length: inputDim }, () => normal() / Math.sqrt(inputDim)));
  const b = Array.from({ length: width }, () => normal());
  const v = Array.from({ length: width }, () => normal() / Math.sqrt(width));
  return { W, b, v, c: 0 };
}

const copy = (p: Params): Params => ({ W: p.W.map((r) => r.slice()), b: p.b.slice(), v: p.v.slice(), c: p.c });

/** Full-batch gradient descent; losses[t] is the loss before step t, losses[steps] the final one. */
export function train(cfg: TrainConfig): TrainResult {
  const initial = initParams(cfg.seed, cfg.width, cfg.X[0]!.length);
  const p = copy(initial);
  const losses: number[] = [];
  for (let t = 0; t <= cfg.steps; t++) {
    const { loss, grad } = lossAndGradient(p, cfg.X, cfg.y, cfg.groups);
    losses.push(loss);
    if (t === cfg.steps) break;
    p.W.forEach((row, i) => row.forEach((_, j) => (row[j]! -= cfg.lr * grad.W[i]![j]!)));
    p.b.forEach((_, i) => (p.b[i]! -= cfg.lr * grad.b[i]!));
    p.v.forEach((_, i) => (p.v[i]! -= cfg.lr * grad.v[i]!));
    p.c -= cfg.lr * grad.c;
  }
  const fitted = cfg.X.filter((x, n) => Math.sign(forward(p, x, cfg.groups)) === cfg.y[n]).length;
  return { initial, final: p, losses, fittedFraction: fitted / cfg.X.length };
}
