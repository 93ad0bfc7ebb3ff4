// Late days (tokens): each student has the course's budget (course.yaml `lateDays.count`, plus any
// days staff granted them) to spend on submissions after their due date; one day covers
// `hoursPerDay` hours, an assignment may cap how many it takes (`maxLateDays`). They are spent
// automatically at submit (lib/submissions/submit.ts, under the student's budget lock), after an
// extension and before the late penalty (lib/grades/late.ts). The ledger keeps per assignment the
// most days any of the student's submissions needed, so a later, later submission spends only the
// difference and earlier ones stay covered.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export type LateDayRules = { count: number; hoursPerDay: number };

const HOUR_MS = 3_600_000;

/** Days a submission at `at` needs after `dueAt` (0 when on time). */
export function lateDaysNeeded(dueAt: Date, at: Date, hoursPerDay: number): number {
  const over = at.getTime() - dueAt.getTime();
  return over <= 0 ? 0 : Math.ceil(over / (hoursPerDay * HOUR_MS));
}

/** Until when `days` spent on an assignment due at `dueAt` cover submissions; null for none. */
export function lateDaysCoverUntil(dueAt: Date, days: number, hoursPerDay: number): Date | null {
  return days > 0 ? new Date(dueAt.getTime() + days * hoursPerDay * HOUR_MS) : null;
}

export type SpendFacts = {
  needed: number;
  /** Already spent on this assignment, and in the whole course (this assignment included). */
  spentHere: number;
  spentTotal: number;
  /** The course budget plus the student's granted days. */
  budget: number;
  /** The assignment's cap, or null for none. */
  maxHere: number | null;
};
export type SpendDecision = { covered: true; spendTo: number } | { covered: false; reason: string };

/** Whether late days cover a submission needing `needed` days, and the assignment's new total. */
export function decideLateDays(f: SpendFacts): SpendDecision {
  if (f.needed <= 0) return { covered: true, spendTo: f.spentHere };
  if (f.needed <= f.spentHere) return { covered: true, spendTo: f.spentHere };
  if (f.maxHere !== null && f.needed > f.maxHere)
    return {
      covered: false,
      reason: `this assignment accepts at most ${f.maxHere} late day${f.maxHere === 1 ? "" : "s"}, and this submission needs ${f.needed}`,
    };
  const left = f.budget - f.spentTotal;
  const more = f.needed - f.spentHere;
  if (more > left) return { covered: false, reason: `it needs ${more} more late day${more === 1 ? "" : "s"} and you have ${Math.max(0, left)} left` };
  return { covered: true, spendTo: f.needed };
}

type Db = PrismaClient | Prisma.TransactionClient;

/** The student's budget and what they spent, per assignment id. */
export async function lateDayAccount(db: Db, enrollment: { id: string; termId: string; extraLateDays: number }) {
  const [{ course }, spends] = await Promise.all([
    db.term.findUniqueOrThrow({ where: { id: enrollment.termId }, select: { course: { select: { lateDayCount: true, lateDayHours: true } } } }),
    db.lateDaySpend.findMany({ where: { enrollmentId: enrollment.id }, select: { assignmentId: true, days: true } }),
  ]);
  const spent = new Map(spends.map((s) => [s.assignmentId, s.days]));
  const used = spends.reduce((n, s) => n + s.days, 0);
  const budget = course.lateDayCount + enrollment.extraLateDays;
  return { budget, used, left: Math.max(0, budget - used), hoursPerDay: course.lateDayHours, spent };
}

/** The advisory-lock key of one student's late-day budget (every spend takes it, after the question's lock). */
export function lateDayLockKey(enrollmentId: string): string {
  return `late-days:${enrollmentId}`;
}
