// The score a question finally gets: a grading's score on the current points, the newest override
// replacing whatever was computed.
/** A grading made when the question had other points, rescaled to today's points. */
export function scaledToPoints(grading: { score: number; maxScore: number }, points: number): number {
  const raw = grading.maxScore > 0 && grading.maxScore !== points ? (grading.score / grading.maxScore) * points : grading.score;
  return Math.round(raw * 1e6) / 1e6;
}

/** The newest override by creation time, or null. */
export function newestOverride<T extends { createdAt: Date }>(overrides: readonly T[]): T | null {
  return overrides.reduce<T | null>((a, o) => (!a || o.createdAt >= a.createdAt ? o : a), null);
}

export function finalScore(computed: number | null, override: { score: number } | null): number | null {
  return override ? override.score : computed;
}
