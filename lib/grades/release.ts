// Whether an assignment exists for a viewer now: hidden ones (folders deleted) exist for nobody,
// unreleased ones only for staff. Students cannot tell unreleased from missing.
export function isReleasedTo(a: { releaseAt: Date; hidden: boolean }, viewer: { isStaff: boolean }, now: Date): boolean {
  return !a.hidden && (viewer.isStaff || a.releaseAt <= now);
}

// Grade release. Under `gradeRelease: manual` what people grade (rubric scores, comments, rubric
// items, overrides) and `after_published` tests wait until staff Publish; with
// `hideScoresUntilRelease` (exam style) auto-graded scores and totals wait too. Staff always see
// everything. Every view that shows a student a score asks scoreReleased().
export type ReleaseMode = "AUTO" | "MANUAL";
export type ReleaseFacts = { gradeRelease: ReleaseMode; hideScoresUntilRelease: boolean; gradesPublishedAt: Date | null };

/** A question's own mode (its assignment.yaml entry's `gradeRelease`), else the assignment's. */
export function questionReleaseMode(a: Pick<ReleaseFacts, "gradeRelease">, questionConfig: unknown): ReleaseMode {
  const own = (questionConfig as { gradeRelease?: unknown } | null)?.gradeRelease;
  return own === "manual" ? "MANUAL" : own === "auto" ? "AUTO" : a.gradeRelease;
}

/** Staff published this assignment's grades (after_published tests become visible). */
export function gradesPublished(a: Pick<ReleaseFacts, "gradesPublishedAt">): boolean {
  return a.gradesPublishedAt !== null;
}

/**
 * Whether a student may see a question's score now. `byPeople`: the score comes from a person
 * (a rubric grading or an override) rather than from the tests alone.
 */
export function scoreReleased(a: ReleaseFacts, questionConfig: unknown, byPeople: boolean): boolean {
  if (gradesPublished(a) || questionReleaseMode(a, questionConfig) === "AUTO") return true;
  return !byPeople && !a.hideScoresUntilRelease;
}
