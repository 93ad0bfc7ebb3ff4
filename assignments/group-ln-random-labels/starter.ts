// Group LayerNorm on random labels. Keep the names and signatures; no imports.
// The network: f(x) = v · GLN_G(W x + b) + c, trained by full-batch gradient descent on the mean
// logistic loss log(1 + exp(−y f(x))).

export type Params = { W: number[][]; b: number[]; v: number[]; c: number };
export type TrainConfig = { X: number[][]; y: number[]; width: number; groups: number; steps: number; lr: number; seed: number };
export type TrainResult = { initial: Params; final: Params; losses: number[]; fittedFraction: number };

/** Given: a small seeded generator (mulberry32), uniform numbers in [0, 1). Do not change it. */
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

/** Given: standard normal numbers (Box–Muller, one value per call, two uniforms each). Do not change it. */
export function gaussian(uniform: () => number): () => number {
  return () => {
    let u = 0;
    while (u === 0) u = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

/** LayerNorm inside each of `groups` contiguous blocks of z (biased variance, eps inside the root). */
export function groupLayerNorm(z: number[], groups: number, eps = 1e-5): number[] {
  // TODO: this normalizes the whole vector at once; normalize each group on its own.
  const mu = z.reduce((t, v) => t + v, 0) / z.length;
  const variance = z.reduce((t, v) => t + (v - mu) ** 2, 0) / z.length;
  return z.map((v) => (v - mu) / Math.sqrt(variance + eps));
}

/** f(x) = v · GLN_G(W x + b) + c. */
export function forward(p: Params, x: number[], groups: number): number {
  const z = p.W.map((row, i) => row.reduce((t, w, j) => t + w * x[j]!, p.b[i]!));
  const h = groupLayerNorm(z, groups);
  return h.reduce((t, hi, i) => t + hi * p.v[i]!, p.c);
}

/** Mean logistic loss over (X, y) and its gradient in W, b, v and c. */
export function lossAndGradient(p: Params, X: number[][], y: number[], groups: number): { loss: number; grad: Params } {
  let loss = 0;
  X.forEach((x, n) => (loss += Math.log1p(Math.exp(-y[n]! * forward(p, x, groups))) / X.length));
  // TODO: the gradient (backpropagate through the group LayerNorm).
  const grad: Params = { W: p.W.map((r) => r.map(() => 0)), b: p.b.map(() => 0), v: p.v.map(() => 0), c: 0 };
  return { loss, grad };
}

/** W row by row ~ N(0, 1/d), then b ~ N(0, 1), then v ~ N(0, 1/width); c = 0 — from gaussian(mulberry32(seed)). */
export function initParams(seed: number, width: number, inputDim: number): Params {
  // TODO: draw from gaussian(mulberry32(seed)) in the stated order.
  return {
    W: Array.from({ length: width }, () => new Array<number>(inputDim).fill(0.1)),
    b: new Array<number>(width).fill(0),
    v: new Array<number>(width).fill(0.1),
    c: 0,
  };
}

/** Full-batch gradient descent from initParams(seed, ...); losses[t] is the loss before step t, losses[steps] the final one. */
export function train(cfg: TrainConfig): TrainResult {
  const initial = initParams(cfg.seed, cfg.width, cfg.X[0]!.length);
  // TODO: take cfg.steps steps of size cfg.lr, recording the loss before each and after the last.
  const losses = [lossAndGradient(initial, cfg.X, cfg.y, cfg.groups).loss];
  const fitted = cfg.X.filter((x, n) => Math.sign(forward(initial, x, cfg.groups)) === cfg.y[n]).length;
  return { initial, final: initial, losses, fittedFraction: fitted / cfg.X.length };
}
