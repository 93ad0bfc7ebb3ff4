// The late penalty. A submission is late when it was flagged late at submit time (after the due
// date as it stood then) and is still after the student's due date as it stands now: an extension
// granted afterwards removes the penalty. The context is an object so that a later rule (late
// days a student spends) adds a field here, not a parameter to every caller.
export type LateContext = {
  /** The assignment's fraction of a late score removed, in [0, 1]. */
  penalty: number;
  /** The student's extended due date, if any. */
  extensionDueAt: Date | null;
};
export type LateOutcome = { late: boolean; fraction: number };

export function lateOutcome(sub: { late: boolean; createdAt: Date }, ctx: LateContext): LateOutcome {
  const late = sub.late && (ctx.extensionDueAt === null || sub.createdAt > ctx.extensionDueAt);
  return { late, fraction: late ? ctx.penalty : 0 };
}

/** A score after the late penalty (rounded to 1e-6 so sums print cleanly). */
export function afterLatePenalty(raw: number, outcome: LateOutcome): number {
  return outcome.fraction > 0 ? Math.round(raw * (1 - outcome.fraction) * 1e6) / 1e6 : raw;
}
