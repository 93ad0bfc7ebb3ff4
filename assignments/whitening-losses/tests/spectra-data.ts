// Data with an exactly known covariance spectrum and matrix comparison, for the stable-rank tests.
// (A copy of the spectra assignment's helpers: a graded version holds only its own folder's files.)
import { isClose, type Tolerance } from "../../../grader/testing";
import type { Rng } from "../../../grader/rng";

export function matrixProblem(actual: unknown, expected: number[][], tol: Tolerance, label: string): string | null {
  if (!Array.isArray(actual) || actual.length !== expected.length) return `${label}: expected ${expected.length} rows`;
  for (let i = 0; i < expected.length; i++) {
    const row: unknown = actual[i];
    const exp = expected[i]!;
    if (!Array.isArray(row) || row.length !== exp.length) return `${label}[${i}]: expected ${exp.length} columns`;
    for (let j = 0; j < exp.length; j++) if (!isClose(row[j], exp[j]!, tol)) return `${label}[${i}][${j}]: expected ${exp[j]}, got ${String(row[j])}`;
  }
  return null;
}

/** Modified Gram–Schmidt, applied twice, of the given columns. */
function orthonormalColumns(cols: number[][]): number[][] {
  const out: number[][] = [];
  for (const c of cols) {
    const v = c.slice();
    for (let pass = 0; pass < 2; pass++) {
      for (const u of out) {
        const dot = u.reduce((t, x, i) => t + x * v[i]!, 0);
        for (let i = 0; i < v.length; i++) v[i]! -= dot * u[i]!;
      }
    }
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    out.push(v.map((x) => x / norm));
  }
  return out;
}

/**
 * n samples whose covariance (centered, 1/n) has exactly the eigenvalues λ: the centered data is
 * √n·A·diag(√λ)·Qᵀ, A's columns orthonormal and orthogonal to 1, Q a random orthogonal matrix.
 */
export function dataWithSpectrum(rng: Rng, n: number, lambda: number[]): { Z: number[][] } {
  const d = lambda.length;
  const Q = orthonormalColumns(Array.from({ length: d }, () => Array.from({ length: d }, () => rng.normal())));
  const A = orthonormalColumns([new Array<number>(n).fill(1), ...Array.from({ length: d }, () => Array.from({ length: n }, () => rng.normal()))]).slice(1);
  const mean = Array.from({ length: d }, () => rng.uniform(-3, 3));
  const Z = Array.from({ length: n }, (_, s) =>
    Array.from({ length: d }, (_, j) => {
      let v = 0;
      for (let k = 0; k < d; k++) v += A[k]![s]! * Math.sqrt(n * Math.max(lambda[k]!, 0)) * Q[k]![j]!;
      return v + mean[j]!;
    }),
  );
  return { Z };
}
