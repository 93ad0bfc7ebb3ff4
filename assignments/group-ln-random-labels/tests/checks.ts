// Shared checks for the group-LN tests: parameter shapes and closeness, and finite differences.
import { isClose, type Tolerance } from "../../../grader/testing";
import { lossAndGradient, type Params } from "../solution";

export function paramsProblem(actual: unknown, expected: Params, tol: Tolerance, label: string): string | null {
  const a = actual as Partial<Params> | null;
  if (typeof a !== "object" || a === null || !Array.isArray(a.W) || !Array.isArray(a.b) || !Array.isArray(a.v)) {
    return `${label}: expected { W, b, v, c }`;
  }
  if (a.W.length !== expected.W.length || a.b.length !== expected.b.length || a.v.length !== expected.v.length) return `${label}: wrong shapes`;
  for (let i = 0; i < expected.W.length; i++) {
    const row: unknown = a.W[i];
    if (!Array.isArray(row) || row.length !== expected.W[i]!.length) return `${label}.W[${i}]: wrong length`;
    for (let j = 0; j < row.length; j++)
      if (!isClose(row[j], expected.W[i]![j]!, tol)) return `${label}.W[${i}][${j}]: expected ${expected.W[i]![j]}, got ${String(row[j])}`;
  }
  for (const key of ["b", "v"] as const) {
    for (let i = 0; i < expected[key].length; i++) {
      if (!isClose(a[key]![i], expected[key][i]!, tol)) return `${label}.${key}[${i}]: expected ${expected[key][i]}, got ${String(a[key]![i])}`;
    }
  }
  if (!isClose(a.c, expected.c, tol)) return `${label}.c: expected ${expected.c}, got ${String(a.c)}`;
  return null;
}

/** Central finite differences of the reference loss in every parameter (h = 1e-6). */
export function finiteDifferenceGradient(p: Params, X: number[][], y: number[], groups: number): Params {
  const h = 1e-6;
  const loss = (q: Params) => lossAndGradient(q, X, y, groups).loss;
  const bump = (edit: (q: Params, delta: number) => void): number => {
    const plus = structuredClone(p);
    edit(plus, h);
    const minus = structuredClone(p);
    edit(minus, -h);
    return (loss(plus) - loss(minus)) / (2 * h);
  };
  return {
    W: p.W.map((row, i) => row.map((_, j) => bump((q, dlt) => (q.W[i]![j]! += dlt)))),
    b: p.b.map((_, i) => bump((q, dlt) => (q.b[i]! += dlt))),
    v: p.v.map((_, i) => bump((q, dlt) => (q.v[i]! += dlt))),
    c: bump((q, dlt) => (q.c += dlt)),
  };
}
