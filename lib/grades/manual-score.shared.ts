// A rubric grading's score: clamp(sum of the applied items + adjustment, 0, question points),
// rounded to 1e-6. Free of server imports, so the grading panel shows exactly what is saved.
export function manualScore(itemPoints: number[], adjustment: number, questionPoints: number): number {
  const sum = itemPoints.reduce((s, p) => s + p, 0) + adjustment;
  return Math.round(Math.min(Math.max(sum, 0), questionPoints) * 1e6) / 1e6;
}
