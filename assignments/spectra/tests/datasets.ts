// Trusted data with known answers: random orthogonal matrices and data sets whose 1/n covariance
// has exactly a chosen spectrum, all deterministic for a seed.
import type { Rng } from "../../../grader/rng";

/** Modified Gram–Schmidt (applied twice) of the columns; returns orthonormal columns. */
function orthonormalColumns(cols: number[][]): number[][] {
  const out: number[][] = [];
  for (const c of cols) {
    const v = c.slice();
    for (let pass = 0; pass < 2; pass++) {
      for (const u of out) {
        let dot = 0;
        for (let i = 0; i < v.length; i++) dot += u[i]! * v[i]!;
        for (let i = 0; i < v.length; i++) v[i]! -= dot * u[i]!;
      }
    }
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    out.push(v.map((x) => x / norm));
  }
  return out;
}

/** A random d×d orthogonal matrix (rows and columns orthonormal). */
export function randomOrthogonal(rng: Rng, d: number): number[][] {
  const cols = orthonormalColumns(Array.from({ length: d }, () => Array.from({ length: d }, () => rng.normal())));
  return Array.from({ length: d }, (_, i) => cols.map((c) => c[i]!)); // Q[i][k] = column k, entry i
}

/** Q·diag(λ)·Qᵀ: a symmetric matrix whose eigenvalues are exactly λ. */
export function withSpectrum(Q: number[][], lambda: number[]): number[][] {
  const d = Q.length;
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      let s = 0;
      for (let k = 0; k < d; k++) s += Q[i]![k]! * lambda[k]! * Q[j]![k]!;
      return s;
    }),
  );
}

/**
 * n samples in d dimensions whose covariance (1/n, centered) is exactly Q·diag(λ)·Qᵀ: the centered
 * data is √n·A·diag(√λ)·Qᵀ with A's columns orthonormal and orthogonal to the all-ones vector.
 */
export function dataWithSpectrum(rng: Rng, n: number, lambda: number[], Q?: number[][]): { Z: number[][]; Q: number[][] } {
  const d = lambda.length;
  const Qm = Q ?? randomOrthogonal(rng, d);
  const cols = orthonormalColumns([new Array<number>(n).fill(1), ...Array.from({ length: d }, () => Array.from({ length: n }, () => rng.normal()))]).slice(1);
  const mean = Array.from({ length: d }, () => rng.uniform(-3, 3));
  const Z = Array.from({ length: n }, (_, s) =>
    Array.from({ length: d }, (_, j) => {
      let v = 0;
      for (let k = 0; k < d; k++) v += cols[k]![s]! * Math.sqrt(n * Math.max(lambda[k]!, 0)) * Qm[j]![k]!;
      return v + mean[j]!;
    }),
  );
  return { Z, Q: Qm };
}

export function randomData(rng: Rng, n: number, d: number): number[][] {
  const mix = Array.from({ length: d }, () => Array.from({ length: d }, () => rng.normal()));
  return Array.from({ length: n }, () => {
    const g = Array.from({ length: d }, () => rng.normal());
    return mix.map((row) => row.reduce((s, m, j) => s + m * g[j]!, 0) + 1.5);
  });
}

export const descending = (xs: number[]) => xs.slice().sort((a, b) => b - a);
