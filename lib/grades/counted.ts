// Which submission counts for a student's question, and which ones could count (what a regrade
// must grade again). Only SUBMIT submissions with a result take part; a Run never counts.
import type { GradePolicy } from "@/lib/generated/prisma/enums";

export type SubmissionKindName = "SUBMIT" | "RUN";
/** A submission as these rules see it; `score` is after the late penalty, null while it has no result. */
export type Scored = { kind: SubmissionKindName; createdAt: Date; score: number | null };

/**
 * BEST: the highest score (the earliest of equal ones); LATEST: the most recent submission that
 * has a result. Null when nothing can count yet.
 */
export function countedSubmission<T extends Scored>(policy: GradePolicy, subs: readonly T[]): (T & { score: number }) | null {
  let chosen: (T & { score: number }) | null = null;
  for (const s of subs) {
    if (s.kind !== "SUBMIT" || s.score === null) continue;
    const c = s as T & { score: number };
    if (!chosen) chosen = c;
    else if (policy === "LATEST" ? c.createdAt >= chosen.createdAt : c.score > chosen.score || (c.score === chosen.score && c.createdAt < chosen.createdAt))
      chosen = c;
  }
  return chosen;
}

/**
 * The submissions whose new result could change what counts: under BEST every graded SUBMIT (an
 * earlier one may become the best), under LATEST only the most recent graded one.
 */
export function submissionsThatCanCount<T extends { kind: SubmissionKindName; createdAt: Date; graded: boolean }>(
  policy: GradePolicy,
  subs: readonly T[],
): T[] {
  const graded = subs.filter((s) => s.kind === "SUBMIT" && s.graded);
  if (policy === "BEST") return graded;
  const latest = graded.reduce<T | null>((a, s) => (!a || s.createdAt >= a.createdAt ? s : a), null);
  return latest ? [latest] : [];
}

/** The newest SUBMIT whatever its state: the one staff grade by hand (a proof's final version). */
export function latestSubmitted<T extends { kind: SubmissionKindName; createdAt: Date }>(subs: readonly T[]): T | null {
  return subs.reduce<T | null>((a, s) => (s.kind !== "SUBMIT" ? a : !a || s.createdAt >= a.createdAt ? s : a), null);
}

/** Groups rows by a key, keeping their order (callers group by student, or by student and question). */
export function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
