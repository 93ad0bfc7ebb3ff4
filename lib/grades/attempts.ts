// Attempts: every SUBMIT counts as one, except a submission whose grading failed on our side
// (no result, and every grading job it had is FAILED) — that is not the student's attempt.
import type { JobStatus } from "@/lib/generated/prisma/enums";
import type { SubmissionKindName } from "@/lib/grades/counted";

export type AttemptFacts = { kind: SubmissionKindName; hasResult: boolean; jobStatuses: readonly JobStatus[] };

export function gradingFailedOnOurSide(s: { hasResult: boolean; jobStatuses: readonly JobStatus[] }): boolean {
  return !s.hasResult && s.jobStatuses.length > 0 && s.jobStatuses.every((j) => j === "FAILED");
}

export function attemptsUsed(subs: readonly AttemptFacts[]): number {
  return subs.filter((s) => s.kind === "SUBMIT" && !gradingFailedOnOurSide(s)).length;
}

/** Null when the question has no attempt limit. */
export function attemptsLeft(used: number, maxAttempts: number | undefined): number | null {
  return maxAttempts === undefined ? null : Math.max(0, maxAttempts - used);
}
