// One student's result for one question, from the facts about their submissions: the rules of
// counted.ts, late.ts, attempts.ts and final-score.ts put together. The gradebook (and through it
// the course home, the export and analytics) reads every cell from here.
import type { GradePolicy, JobStatus } from "@/lib/generated/prisma/enums";
import { countedSubmission, type SubmissionKindName } from "@/lib/grades/counted";
import { afterLatePenalty, lateOutcome, type LateContext } from "@/lib/grades/late";
import { attemptsUsed, gradingFailedOnOurSide } from "@/lib/grades/attempts";
import { finalScore } from "@/lib/grades/final-score";

export type SubmissionFacts = {
  id: string;
  kind: SubmissionKindName;
  createdAt: Date;
  /** Flagged late at submit time. */
  late: boolean;
  /** The raw score on today's points (newest grading, or the rubric grading), null without one. */
  result: { raw: number; gradedAt: Date; grader: string | null; versionNumber: number } | null;
  jobStatuses: readonly JobStatus[];
};
export type OverrideFacts = { score: number; createdAt: Date };

export type QuestionResult = {
  /** After penalty and override; null with neither a counted submission nor an override. */
  score: number | null;
  /** What the rules computed before an override. */
  computed: number | null;
  rawScore: number | null;
  penaltyPoints: number;
  late: boolean;
  counted: SubmissionFacts | null;
  /** A newer submission than the counted one is still waiting for its result. */
  pending: boolean;
  attempts: number;
};

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function questionResult(policy: GradePolicy, lateCtx: LateContext, subs: readonly SubmissionFacts[], override: OverrideFacts | null): QuestionResult {
  const scored = subs.map((s) => {
    const outcome = lateOutcome(s, lateCtx);
    return {
      facts: s,
      kind: s.kind,
      createdAt: s.createdAt,
      late: outcome.late,
      raw: s.result?.raw ?? null,
      score: s.result ? afterLatePenalty(s.result.raw, outcome) : null,
    };
  });
  const chosen = countedSubmission(policy, scored);
  const waiting = scored.filter(
    (s) => s.kind === "SUBMIT" && s.score === null && !gradingFailedOnOurSide({ hasResult: false, jobStatuses: s.facts.jobStatuses }),
  );
  const pending = waiting.some((s) => !chosen || s.createdAt > chosen.createdAt);
  const computed = chosen ? chosen.score : null;
  return {
    score: finalScore(computed, override),
    computed,
    rawScore: chosen?.raw ?? null,
    penaltyPoints: chosen && chosen.raw !== null ? round6(chosen.raw - chosen.score) : 0,
    late: chosen?.late ?? false,
    counted: chosen?.facts ?? null,
    pending,
    attempts: attemptsUsed(subs.map((s) => ({ kind: s.kind, hasResult: s.result !== null, jobStatuses: s.jobStatuses }))),
  };
}
