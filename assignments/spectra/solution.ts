// Reference solution: covariance, a cyclic Jacobi eigen-solver, effective rank, ZCA whitening and
// the power-law exponent of a spectrum. Rows of Z are samples, columns are features.

function centered(Z: number[][]): number[][] {
  const n = Z.length;
  const d = Z[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  for (const row of Z) for (let j = 0; j < d; j++) mean[j]! += row[j]! / n;
  return Z.map((row) => row.map((v, j) => v - mean[j]!));
}

/** Covariance with the 1/n normalization (the maximum-likelihood estimate, not the unbiased one). */
export function covariance(Z: number[][]): number[][] {
  const X = centered(Z);
  const n = X.length;
  const d = X[0]?.length ?? 0;
  const C = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const row of X) {
    for (let i = 0; i < d; i++) {
      const ri = row[i]!;
      if (ri === 0) continue;
      const Ci = C[i]!;
      for (let j = i; j < d; j++) Ci[j]! += ri * row[j]!;
    }
  }
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const v = C[i]![j]! / n;
      C[i]![j] = v;
      C[j]![i] = v;
    }
  }
  return C;
}

/** Cyclic Jacobi: rotate away each off-diagonal entry in turn until the matrix is diagonal. */
function jacobi(C: number[][]): { values: number[]; vectors: number[][] } {
  const d = C.length;
  const A = C.map((row) => row.slice());
  const V: number[][] = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  let total = 0;
  for (const row of A) for (const v of row) total += v * v;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += A[p]![q]! * A[p]![q]!;
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = A[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q]![q]! - A[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          // columns p and q
          const akp = A[k]![p]!;
          const akq = A[k]![q]!;
          A[k]![p] = c * akp - s * akq;
          A[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          // rows p and q
          const apk = A[p]![k]!;
          const aqk = A[q]![k]!;
          A[p]![k] = c * apk - s * aqk;
          A[q]![k] = s * apk + c * aqk;
        }
        A[p]![q] = 0;
        A[q]![p] = 0;
        for (let k = 0; k < d; k++) {
          const vkp = V[k]![p]!;
          const vkq = V[k]![q]!;
          V[k]![p] = c * vkp - s * vkq;
          V[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: A.map((row, i) => row[i]!), vectors: V };
}

/** All eigenvalues of a symmetric matrix, in descending order. */
export function symmetricEigenvalues(C: number[][]): number[] {
  return jacobi(C).values.sort((a, b) => b - a);
}

/** exp of the entropy of the normalized positive spectrum: between 1 and the number of positive λ. */
export function effectiveRank(eigenvalues: number[]): number {
  const pos = eigenvalues.filter((v) => v > 0);
  const total = pos.reduce((s, v) => s + v, 0);
  if (total === 0) return 0;
  let h = 0;
  for (const v of pos) {
    const p = v / total;
    h -= p * Math.log(p);
  }
  return Math.exp(h);
}

/** ZCA whitening: (Z − mean)·U·diag(1/√(λ + eps))·Uᵀ, which whitens and then rotates back. */
export function zcaWhiten(Z: number[][], eps = 1e-5): number[][] {
  const X = centered(Z);
  const { values, vectors: U } = jacobi(covariance(Z));
  const d = values.length;
  const scale = values.map((v) => 1 / Math.sqrt(Math.max(v, 0) + eps));
  const M = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      let s = 0;
      for (let k = 0; k < d; k++) s += U[i]![k]! * scale[k]! * U[j]![k]!;
      return s;
    }),
  );
  return X.map((row) =>
    Array.from({ length: d }, (_, j) => {
      let s = 0;
      for (let i = 0; i < d; i++) s += row[i]! * M[i]![j]!;
      return s;
    }),
  );
}

/** α of the least-squares fit ln λ_k = c − α ln k over the positive eigenvalues sorted descending. */
export function powerLawExponent(eigenvalues: number[]): number {
  const lam = eigenvalues.filter((v) => v > 0).sort((a, b) => b - a);
  const xs = lam.map((_, k) => Math.log(k + 1));
  const ys = lam.map((v) => Math.log(v));
  const K = lam.length;
  const mx = xs.reduce((s, v) => s + v, 0) / K;
  const my = ys.reduce((s, v) => s + v, 0) / K;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < K; k++) {
    sxy += (xs[k]! - mx) * (ys[k]! - my);
    sxx += (xs[k]! - mx) * (xs[k]! - mx);
  }
  return -sxy / sxx;
}
