// Reference solution: covariance, stable rank, the hard (ZCA) and soft (VICReg-style) whitening
// losses with their exact gradients in the representation Z, and a seeded gradient-descent loop.
// Rows of Z are n samples, columns are d features; the representation itself is the parameter.

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

/** Given: eigenvalues (descending) and eigenvectors (columns of `vectors`) of a symmetric matrix, by cyclic Jacobi. */
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

const matmul = (A: number[][], B: number[][]): number[][] => A.map((row) => B[0]!.map((_, j) => row.reduce((t, a, k) => t + a * B[k]![j]!, 0)));
const transpose = (A: number[][]): number[][] => A[0]!.map((_, j) => A.map((r) => r[j]!));

/** Covariance with 1/n: center each feature, C = Xᵀ X / n. */
export function covariance(Z: number[][]): number[][] {
  const X = centered(Z);
  return matmul(transpose(X), X).map((r) => r.map((v) => v / Z.length));
}

/** tr(C) / λ_max(C): between 1 (one direction) and d (a flat spectrum); 0 for constant data. */
export function stableRank(Z: number[][]): number {
  const C = covariance(Z);
  const { values } = symmetricEigen(C);
  const trace = C.reduce((t, r, i) => t + r[i]!, 0);
  return values[0]! > 0 ? trace / values[0]! : 0;
}

/** Hard whitening: L = (1/n)·‖X (C + eps I)^(−1/2) − T‖², X = centered Z, and dL/dZ. */
export function hardWhiteningLoss(Z: number[][], T: number[][], eps = 1e-5): { loss: number; grad: number[][] } {
  const n = Z.length;
  const X = centered(Z);
  const C = covariance(Z);
  const { values: lam, vectors: U } = symmetricEigen(C);
  const d = lam.length;
  const f = lam.map((l) => 1 / Math.sqrt(l + eps));
  const M = U.map((ui) => U.map((uj) => ui.reduce((t, u, k) => t + u * f[k]! * uj[k]!, 0)));
  const W = matmul(X, M);
  let loss = 0;
  const G = W.map((r, s) =>
    r.map((v, j) => {
      const e = v - T[s]![j]!;
      loss += (e * e) / n;
      return (2 * e) / n;
    }),
  );
  // d(C^(−1/2)) in the eigenbasis is a Hadamard product with divided differences of f.
  const XtG = matmul(transpose(X), G);
  const S = XtG.map((r, i) => r.map((v, j) => (v + XtG[j]![i]!) / 2));
  const Ut = transpose(U);
  const Sb = matmul(matmul(Ut, S), U);
  const K = lam.map((li, i) => lam.map((lj, j) => (Math.abs(li - lj) > 1e-12 * Math.max(1, Math.abs(li)) ? (f[i]! - f[j]!) / (li - lj) : -0.5 * f[i]! ** 3)));
  const B = matmul(
    matmul(
      U,
      Sb.map((r, i) => r.map((v, j) => v * K[i]![j]!)),
    ),
    Ut,
  );
  const gX = matmul(G, M).map((r, s) => r.map((v, j) => v + (2 / n) * matmul([X[s]!], B)[0]![j]!));
  // Z → X is centering: its adjoint subtracts the column means of the gradient.
  const gMean = Array.from({ length: d }, (_, j) => gX.reduce((t, r) => t + r[j]!, 0) / n);
  return { loss, grad: gX.map((r) => r.map((v, j) => v - gMean[j]!)) };
}

/** Soft whitening (VICReg style): L = (1/n)·‖Z − T‖² + beta·‖C − I‖², and dL/dZ. */
export function softWhiteningLoss(Z: number[][], T: number[][], beta: number): { loss: number; grad: number[][] } {
  const n = Z.length;
  const X = centered(Z);
  const C = covariance(Z);
  const D = C.map((r, i) => r.map((v, j) => v - (i === j ? 1 : 0)));
  let loss = 0;
  for (const r of D) for (const v of r) loss += beta * v * v;
  const XD = matmul(X, D);
  const grad = Z.map((r, s) =>
    r.map((v, j) => {
      const e = v - T[s]![j]!;
      loss += (e * e) / n;
      return (2 * e) / n + ((4 * beta) / n) * XD[s]![j]!;
    }),
  );
  return { loss, grad };
}

/** Z0[s][j] = normal() / (j + 1), row by row from gaussian(mulberry32(seed)): a decaying spectrum. */
export function initRepresentation(seed: number, n: number, d: number): number[][] {
  const normal = gaussian(mulberry32(seed));
  return Array.from({ length: n }, () => Array.from({ length: d }, (_, j) => normal() / (j + 1)));
}

/** Gradient descent on Z itself; losses and stableRanks have steps + 1 entries (before each step, then final). */
export function train(cfg: TrainConfig): TrainResult {
  const initial = initRepresentation(cfg.seed, cfg.n, cfg.d);
  let Z = initial.map((r) => r.slice());
  const losses: number[] = [];
  const stableRanks: number[] = [];
  for (let t = 0; t <= cfg.steps; t++) {
    const { loss, grad } = cfg.loss === "hard" ? hardWhiteningLoss(Z, cfg.T) : softWhiteningLoss(Z, cfg.T, cfg.beta);
    losses.push(loss);
    stableRanks.push(stableRank(Z));
    if (t === cfg.steps) break;
    Z = Z.map((r, s) => r.map((v, j) => v - cfg.lr * grad[s]![j]!));
  }
  return { initial, final: Z, losses, stableRanks, spectrum: symmetricEigen(covariance(Z)).values };
}
