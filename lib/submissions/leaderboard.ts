// Leaderboards of challenge assignments: each opted-in student's best graded submission, ranked by
// score (higher first), then by the recorded depth (lower first), then by who got there first.
// Only pseudonyms are shown; a student who has not opted in is never listed.
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { GradeReport } from "@/grader";
import { courseRef } from "@/lib/courses/slugs";

export const leaderboardBodySchema = z
  .object({
    course: courseRef,
    optIn: z.boolean(),
    pseudonym: z
      .string()
      .trim()
      .min(2, "Choose a pseudonym of at least 2 characters")
      .max(30, "A pseudonym has at most 30 characters")
      .regex(/^[\p{L}\p{N} _.-]+$/u, "Use letters, digits, spaces, '.', '_' or '-'")
      .optional(),
  })
  .strict()
  .refine((b) => !b.optIn || b.pseudonym, { message: "Choose a pseudonym to appear on the leaderboard", path: ["pseudonym"] });

export type LeaderboardRow = { rank: number; pseudonym: string; score: number; maxScore: number; depth: number | null; at: Date; mine: boolean };

export async function leaderboard(db: PrismaClient, termId: string, assignmentId: string, viewerId: string): Promise<LeaderboardRow[]> {
  const entrants = await db.enrollment.findMany({ where: { termId, role: "STUDENT", leaderboardOptIn: true, pseudonym: { not: null } } });
  const byUser = new Map(entrants.map((e) => [e.userId, e.pseudonym!]));
  if (!byUser.size) return [];
  const gradings = await db.grading.findMany({
    where: { regrade: false, submission: { assignmentId, kind: "SUBMIT", userId: { in: [...byUser.keys()] } } },
    select: { score: true, maxScore: true, report: true, gradedAt: true, submission: { select: { userId: true } } },
  });
  const best = new Map<string, Omit<LeaderboardRow, "rank">>();
  for (const g of gradings) {
    const depth = (g.report as unknown as GradeReport).records?.depth;
    const row = {
      pseudonym: byUser.get(g.submission.userId)!,
      score: g.score,
      maxScore: g.maxScore,
      depth: typeof depth === "number" ? depth : null,
      at: g.gradedAt,
      mine: g.submission.userId === viewerId,
    };
    const prev = best.get(g.submission.userId);
    if (!prev || compare(row, prev) < 0) best.set(g.submission.userId, row);
  }
  return [...best.values()].sort(compare).map((r, i) => ({ ...r, rank: i + 1 }));
}

function compare(a: Omit<LeaderboardRow, "rank">, b: Omit<LeaderboardRow, "rank">): number {
  return b.score - a.score || (a.depth ?? Infinity) - (b.depth ?? Infinity) || a.at.getTime() - b.at.getTime();
}
