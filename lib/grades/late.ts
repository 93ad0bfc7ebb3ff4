// The late penalty. A submission is late when it was flagged late at submit time (after the due
// date as it stood then) and is still after the student's due date as it stands now: an extension
// granted afterwards removes the penalty. The context is an object so that a later rule (late
// days a student spends) adds a field here, not a parameter to every caller.
export type LateContext = {
  /** The assignment's fraction of a late score removed, in [0, 1]. */
  penalty: number;
  /** The student's own due date when an extension or an accommodation moved it, else null. */
  extensionDueAt: Date | null;
  /** Until when the late days the student spent on this assignment cover submissions (null: none spent). */
  lateDaysUntil?: Date | null;
};
/** `lateDays`: after the due date, but covered by late days (so no penalty). */
export type LateOutcome = { late: boolean; fraction: number; lateDays?: boolean };

/** Precedence: the extension (a later due date), then late days spent, then the late penalty. */
export function lateOutcome(sub: { late: boolean; createdAt: Date }, ctx: LateContext): LateOutcome {
  const afterDue = sub.late && (ctx.extensionDueAt === null || sub.createdAt > ctx.extensionDueAt);
  const covered = afterDue && ctx.lateDaysUntil != null && sub.createdAt <= ctx.lateDaysUntil;
  const late = afterDue && !covered;
  return { late, fraction: late ? ctx.penalty : 0, ...(covered ? { lateDays: true } : {}) };
}

/** A score after the late penalty (rounded to 1e-6 so sums print cleanly). */
export function afterLatePenalty(raw: number, outcome: LateOutcome): number {
  return outcome.fraction > 0 ? Math.round(raw * (1 - outcome.fraction) * 1e6) / 1e6 : raw;
}
