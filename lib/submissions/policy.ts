// Deadlines and limits, as pure functions of the assignment, the student's extension and now:
// whether a submission is accepted, whether it is late, and what penalty it would carry. The
// penalty's effect on a score is lib/grades/late.
import type { AssignmentSpec } from "@/lib/assignments/schema";

export type Deadlines = { releaseAt: Date; dueAt: Date; lateUntil: Date | null; latePenalty: number };
export type ExtensionDates = { dueAt: Date; lateUntil: Date | null } | null;

const DAY_MS = 24 * 3_600_000;

/**
 * The student's own deadlines: an extension moves the due date (and the late window with it); an
 * accommodation (extra days on every assignment, set on the roster) does the same, and when both
 * apply the later due date wins.
 */
export function effectiveDeadlines<D extends Pick<Deadlines, "dueAt" | "lateUntil">>(a: D, ext: ExtensionDates, accommodationDays = 0): D {
  const accommodated: ExtensionDates = accommodationDays > 0 ? { dueAt: new Date(a.dueAt.getTime() + accommodationDays * DAY_MS), lateUntil: null } : null;
  const moved = !ext ? accommodated : accommodated && accommodated.dueAt > ext.dueAt ? accommodated : ext;
  if (!moved) return a;
  const lateSpan = a.lateUntil ? a.lateUntil.getTime() - a.dueAt.getTime() : null;
  const lateUntil = moved.lateUntil ?? (lateSpan !== null ? new Date(moved.dueAt.getTime() + lateSpan) : null);
  return { ...a, dueAt: moved.dueAt, lateUntil };
}

export type Timing = { open: true; late: boolean; penalty: number } | { open: false; reason: string };

export function submissionTiming(d: Deadlines, now: Date, formatDate: (d: Date) => string = (x) => x.toISOString()): Timing {
  if (now < d.releaseAt) return { open: false, reason: `This assignment opens on ${formatDate(d.releaseAt)}.` };
  if (now <= d.dueAt) return { open: true, late: false, penalty: 0 };
  if (d.lateUntil && now <= d.lateUntil) return { open: true, late: true, penalty: d.latePenalty };
  const until = d.lateUntil ?? d.dueAt;
  return { open: false, reason: `The deadline was ${formatDate(until)}; submissions are closed.` };
}

export type Limits = { maxAttempts?: number | undefined; perWindow?: number | undefined; windowMinutes?: number | undefined };

export function questionLimits(spec: AssignmentSpec, questionKey: string): Limits {
  const q = spec.questions.find((x) => x.id === questionKey);
  return { ...spec.limits, ...(q?.limits ?? {}) };
}
