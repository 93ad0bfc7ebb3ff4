// Shared comparisons for the spectra tests.
import { fail, isClose, type Tolerance } from "../../../grader/testing";

export function matrixProblem(actual: unknown, expected: number[][], tol: Tolerance, label: string): string | null {
  if (!Array.isArray(actual) || actual.length !== expected.length) {
    return `${label}: expected ${expected.length} rows, got ${Array.isArray(actual) ? actual.length : typeof actual}`;
  }
  for (let i = 0; i < expected.length; i++) {
    const row: unknown = actual[i];
    const exp = expected[i]!;
    if (!Array.isArray(row) || row.length !== exp.length) return `${label}[${i}]: expected ${exp.length} columns`;
    for (let j = 0; j < exp.length; j++) {
      if (!isClose(row[j], exp[j]!, tol)) return `${label}[${i}][${j}]: expected ${exp[j]}, got ${String(row[j])}`;
    }
  }
  return null;
}

export function assertMatrixClose(actual: unknown, expected: number[][], tol: Tolerance, label = "result"): void {
  const p = matrixProblem(actual, expected, tol, label);
  if (p !== null) fail(p);
}

export function vectorOk(actual: unknown, expected: number[], tol: Tolerance): boolean {
  return Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => isClose(actual[i], v, tol));
}
