// One student's result for one question, from the facts about their submissions: the rules of
// counted.ts, credit.ts, late.ts, attempts.ts and final-score.ts put together: declining credit
// scales an attempt's score first (it is part of what the attempt earned), then the late penalty. The gradebook (and through it
// the course home, the export and analytics) reads every cell from here.
import type { GradePolicy, JobStatus } from "@/lib/generated/prisma/enums";
import { countedSubmission, type SubmissionKindName } from "@/lib/grades/counted";
import { afterLatePenalty, lateOutcome, type LateContext } from "@/lib/grades/late";
import { attemptsUsed, gradingFailedOnOurSide } from "@/lib/grades/attempts";
import { finalScore } from "@/lib/grades/final-score";
import { attemptCredit, attemptNumbers, creditedScore, type CreditRule } from "@/lib/grades/credit";

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
  /** The counted score before the late penalty (after declining credit). */
  rawScore: number | null;
  /** The counted submission's attempt number and the fraction of the points it could earn. */
  attempt: { number: number; credit: number } | null;
  penaltyPoints: number;
  late: boolean;
  counted: SubmissionFacts | null;
  /** A newer submission than the counted one is still waiting for its result. */
  pending: boolean;
  attempts: number;
  /** The counted submission was after the due date and late days covered it. */
  lateDays: boolean;
};

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function questionResult(
  policy: GradePolicy,
  lateCtx: LateContext,
  subs: readonly SubmissionFacts[],
  override: OverrideFacts | null,
  credit: CreditRule | null = null,
): QuestionResult {
  const numbers = attemptNumbers(subs.map((s) => ({ ...s, hasResult: s.result !== null })));
  const scored = subs.map((s) => {
    const outcome = lateOutcome(s, lateCtx);
    const k = numbers.get(s.id) ?? 1;
    const raw = s.result ? creditedScore(s.result.raw, k, credit) : null;
    return {
      facts: s,
      kind: s.kind,
      createdAt: s.createdAt,
      late: outcome.late,
      lateDays: outcome.lateDays === true,
      k,
      raw,
      score: raw === null ? null : afterLatePenalty(raw, outcome),
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
    attempt: chosen && credit ? { number: chosen.k, credit: attemptCredit(chosen.k, credit) } : null,
    penaltyPoints: chosen && chosen.raw !== null ? round6(chosen.raw - chosen.score) : 0,
    late: chosen?.late ?? false,
    counted: chosen?.facts ?? null,
    pending,
    lateDays: chosen?.lateDays ?? false,
    attempts: attemptsUsed(subs.map((s) => ({ kind: s.kind, hasResult: s.result !== null, jobStatuses: s.jobStatuses }))),
  };
}
