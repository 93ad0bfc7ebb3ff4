// Figures for the analytics page: the distribution of assignment totals (from the gradebook), the
// failure rate of each test over the code submissions that count (lib/grades' choice, through the
// gradebook), and submissions per hour around the due date.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { computeGradebook, countedSubmissionIds } from "@/lib/grades/gradebook";

export type Histogram = { labels: string[]; counts: number[]; submitted: number; students: number };
export type TestFailure = { question: string; test: string; visibility: string; failed: number; total: number; rate: number };
export type Timeline = { labels: string[]; onTime: number[]; late: number[]; before: number; after: number };

export function histogram(totals: (number | null)[], max: number, bins = 10): Histogram {
  const counts = new Array<number>(bins).fill(0);
  const labels = counts.map((_, i) => `${Math.round((i * 100) / bins)}–${Math.round(((i + 1) * 100) / bins)}%`);
  let submitted = 0;
  for (const t of totals) {
    if (t === null) continue;
    submitted++;
    const f = max > 0 ? t / max : 0;
    counts[Math.min(bins - 1, Math.max(0, Math.floor(f * bins)))]!++;
  }
  return { labels, counts, submitted, students: totals.length };
}

export async function scoreHistogram(db: PrismaClient, termId: string, assignmentSlug: string): Promise<Histogram> {
  const book = await computeGradebook(db, termId, { assignmentSlug });
  const a = book.assignments[0];
  if (!a) return histogram([], 0);
  return histogram(
    book.rows.map((r) => r.results.get(a.id)?.total ?? null),
    a.points,
  );
}

/** Per test of each code question: how many students' counted submissions fail it (in their newest grading). */
export async function testFailureRates(db: PrismaClient, assignment: { id: string; slug: string; termId: string }): Promise<TestFailure[]> {
  const counted = await countedSubmissionIds(db, assignment.termId, assignment.slug);
  const ids = [...counted.values()].flat().map((c) => c.submissionId);
  if (!ids.length) return [];
  const rows = await db.$queryRawUnsafe<{ question: string; test: string; visibility: string; failed: number; total: number }[]>(
    `WITH latest AS (
       SELECT DISTINCT ON (g."submissionId") g.id, s."questionKey"
         FROM "Grading" g
         JOIN "Submission" s ON s.id = g."submissionId"
         JOIN "Question" q ON q.id = s."questionId" AND q.type = 'CODE'
        WHERE g."submissionId" = ANY($1::text[])
        ORDER BY g."submissionId", g."gradedAt" DESC)
     SELECT l."questionKey" AS question, t.name AS test, min(t.visibility) AS visibility,
            count(*) FILTER (WHERE t.score < t."maxScore")::int AS failed, count(*)::int AS total
       FROM latest l JOIN "TestResult" t ON t."gradingId" = l.id
      GROUP BY l."questionKey", t.name
      ORDER BY failed DESC, question, test`,
    ids,
  );
  return rows.map((r) => ({ ...r, rate: r.total ? r.failed / r.total : 0 }));
}

/** SUBMIT submissions per `bucketHours` from `beforeHours` before the due date to `afterHours` after. */
export async function submissionTimeline(
  db: PrismaClient,
  assignment: { id: string; dueAt: Date; lateUntil: Date | null },
  beforeHours = 72,
  bucketHours = 6,
): Promise<Timeline> {
  const afterHours = Math.max(24, Math.ceil(((assignment.lateUntil?.getTime() ?? assignment.dueAt.getTime()) - assignment.dueAt.getTime()) / 3_600_000) + 24);
  const subs = await db.submission.findMany({ where: { assignmentId: assignment.id, kind: "SUBMIT" }, select: { createdAt: true, late: true } });
  const n = Math.ceil((beforeHours + afterHours) / bucketHours);
  const onTime = new Array<number>(n).fill(0);
  const late = new Array<number>(n).fill(0);
  const labels = onTime.map((_, i) => {
    const h = -beforeHours + i * bucketHours;
    return h === 0 ? "due" : `${h > 0 ? "+" : ""}${h}h`;
  });
  let before = 0;
  let after = 0;
  for (const s of subs) {
    const h = (s.createdAt.getTime() - assignment.dueAt.getTime()) / 3_600_000;
    const i = Math.floor((h + beforeHours) / bucketHours);
    if (i < 0) before++;
    else if (i >= n) after++;
    else (s.late ? late : onTime)[i]!++;
  }
  return { labels, onTime, late, before, after };
}
