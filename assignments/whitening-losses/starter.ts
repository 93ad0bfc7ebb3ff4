// Whitening losses and the stable rank. Keep the names and signatures; no imports.
// Rows of Z are n samples, columns are d features; the representation Z itself is trained.

export type LossKind = "hard" | "soft";
export type TrainConfig = { seed: number; n: number; d: number; T: number[][]; loss: LossKind; steps: number; lr: number; beta: number };
export type TrainResult = { initial: number[][]; final: number[][]; losses: number[]; stableRanks: number[]; spectrum: number[] };

/** Given: a small seeded generator (mulberry32), uniform numbers in [0, 1). */
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

/** Given: standard normal numbers from a uniform generator (Box–Muller, one value per call). */
export function gaussian(uniform: () => number): () => number {
  return () => {
    let u = 0;
    while (u === 0) u = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

/** Given (you wrote one in the spectra assignment): eigenvalues (descending) and eigenvectors (columns of `vectors`) of a symmetric matrix, by cyclic Jacobi. */
export function symmetricEigen(C: number[][]): { values: number[]; vectors: number[][] } {
  const d = C.length;
  const A = C.map((row) => row.slice());
  const V: number[][] = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let total = 0;
    for (let p = 0; p < d; p++) {
      for (let q = 0; q < d; q++) {
        if (p === q) total += A[p]![q]! ** 2;
        else off += A[p]![q]! ** 2;
      }
    }
    if (off <= 1e-30 * (total + off)) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = A[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q]![q]! - A[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = A[k]![p]!;
          const akq = A[k]![q]!;
          A[k]![p] = c * akp - s * akq;
          A[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = A[p]![k]!;
          const aqk = A[q]![k]!;
          A[p]![k] = c * apk - s * aqk;
          A[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = V[k]![p]!;
          const vkq = V[k]![q]!;
          V[k]![p] = c * vkp - s * vkq;
          V[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = A.map((_, i) => i).sort((i, j) => A[j]![j]! - A[i]![i]!);
  return { values: order.map((i) => A[i]![i]!), vectors: V.map((row) => order.map((i) => row[i]!)) };
}

function centered(Z: number[][]): number[][] {
  const n = Z.length;
  const mean = Z[0]!.map((_, j) => Z.reduce((t, r) => t + r[j]!, 0) / n);
  return Z.map((r) => r.map((v, j) => v - mean[j]!));
}

/** Covariance with 1/n: center each feature, C = Xᵀ X / n. */
export function covariance(Z: number[][]): number[][] {
  const X = centered(Z);
  const d = X[0]!.length;
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => X.reduce((t, r) => t + r[i]! * r[j]!, 0) / Z.length));
}

/** tr(C) / λ_max(C). */
export function stableRank(Z: number[][]): number {
  // TODO: this counts the nonzero eigenvalues (the rank), not tr(C)/λ_max.
  return symmetricEigen(covariance(Z)).values.filter((v) => v > 1e-12).length;
}

/** Hard whitening: L = (1/n)·‖X (C + eps I)^(−1/2) − T‖² with X the centered Z, and dL/dZ. */
export function hardWhiteningLoss(Z: number[][], T: number[][], eps = 1e-5): { loss: number; grad: number[][] } {
  // TODO: whiten with ZCA (use symmetricEigen), then the loss and its gradient (see the statement).
  const X = centered(Z);
  let loss = 0;
  X.forEach((r, s) => r.forEach((v, j) => (loss += (v - T[s]![j]!) ** 2 / Z.length)));
  return { loss, grad: Z.map((r) => r.map(() => 0)) };
}

/** Soft whitening: L = (1/n)·‖Z − T‖² + beta·‖C − I‖², and dL/dZ. */
export function softWhiteningLoss(Z: number[][], T: number[][], beta: number): { loss: number; grad: number[][] } {
  // TODO: add the penalty beta·‖C − I‖² and its gradient.
  let loss = 0;
  const grad = Z.map((r, s) =>
    r.map((v, j) => {
      loss += (v - T[s]![j]!) ** 2 / Z.length;
      return (2 * (v - T[s]![j]!)) / Z.length;
    }),
  );
  return { loss, grad };
}

/** Z0[s][j] = normal() / (j + 1), row by row, from gaussian(mulberry32(seed)). */
export function initRepresentation(seed: number, n: number, d: number): number[][] {
  // TODO: use the seed.
  const normal = gaussian(mulberry32(1));
  return Array.from({ length: n }, () => Array.from({ length: d }, (_, j) => normal() / (j + 1)));
}

/** Gradient descent on Z; losses and stableRanks have steps + 1 entries; spectrum of the final covariance, descending. */
export function train(cfg: TrainConfig): TrainResult {
  const initial = initRepresentation(cfg.seed, cfg.n, cfg.d);
  const lossOf = (Z: number[][]) => (cfg.loss === "hard" ? hardWhiteningLoss(Z, cfg.T) : softWhiteningLoss(Z, cfg.T, cfg.beta));
  // TODO: take cfg.steps steps Z ← Z − lr·∇L, recording the loss and stable rank before each and after the last.
  return { initial, final: initial, losses: [lossOf(initial).loss], stableRanks: [stableRank(initial)], spectrum: symmetricEigen(covariance(initial)).values };
}
