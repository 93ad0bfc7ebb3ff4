// Declining credit per attempt (PrairieLearn's homework model), for questions a student could
// otherwise guess through: the k-th attempt (1-based) earns at most max(floor, 1 − decline·(k−1))
// of what it scores. The attempt index counts SUBMIT submissions of that question in order, except
// those whose grading failed on our side (lib/grades/attempts): a Run, or our failure, costs nothing.
import { z } from "zod";
import type { JobStatus } from "@/lib/generated/prisma/enums";
import { gradingFailedOnOurSide } from "@/lib/grades/attempts";
import type { SubmissionKindName } from "@/lib/grades/counted";

export const creditSchema = z
  .object({
    decline: z.number().min(0).max(1).describe("Fraction of the points each further attempt loses"),
    floor: z.number().min(0).max(1).default(0).describe("The least fraction of the points an attempt can still earn"),
  })
  .strict()
  .describe("Declining credit: the k-th attempt earns at most max(floor, 1 − decline·(k−1)) of the points");

export type CreditRule = z.infer<typeof creditSchema>;

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The fraction of the points attempt `k` (1-based) can earn; 1 without a rule. */
export function attemptCredit(k: number, rule: CreditRule | null): number {
  if (!rule) return 1;
  return round6(Math.min(1, Math.max(rule.floor, 1 - rule.decline * (Math.max(1, k) - 1))));
}

/** A score under the rule: what the attempt scored, times the fraction it can earn. */
export function creditedScore(raw: number, k: number, rule: CreditRule | null): number {
  return scaledByCredit(raw, attemptCredit(k, rule));
}

/** A score times an attempt's fraction (rounded to 1e-6 so sums print cleanly). */
export function scaledByCredit(raw: number, fraction: number): number {
  return fraction === 1 ? raw : round6(raw * fraction);
}

export type AttemptOrderFacts = { id: string; kind: SubmissionKindName; createdAt: Date; hasResult: boolean; jobStatuses: readonly JobStatus[] };

/** Each attempt's 1-based index by submission id (Runs and our failed gradings get none). */
// Ties in time (same millisecond) break by id, so every view numbers the same attempts alike.
export function attemptNumbers(subs: readonly AttemptOrderFacts[]): Map<string, number> {
  const out = new Map<string, number>();
  const ordered = subs
    .filter((s) => s.kind === "SUBMIT" && !gradingFailedOnOurSide(s))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  ordered.forEach((s, i) => out.set(s.id, i + 1));
  return out;
}

/** The rule a question's stored config (Question.config, its assignment.yaml entry) sets, or null. */
export function creditRuleOf(config: unknown): CreditRule | null {
  const parsed = z.object({ credit: creditSchema.optional() }).safeParse(config);
  return parsed.success ? (parsed.data.credit ?? null) : null;
}
