// A person's standing per assignment for the course home: not started, in progress, awaiting
// grading, or graded with a score. Read from the gradebook's own cells, so the student sees what
// staff see: best or latest per question as the assignment says, the late penalty unless an
// extension covers it, overrides, rescaled points, and failed gradings not counted as waiting.
// The deadlines are the person's own: an extension or accommodation moves the due date and the late
// window with it. Scores not yet released (lib/grades/release) are left out: a student sees
// "graded, not yet released" until staff publish (staff looking at their own row see the same).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { computeGradebook, releasedOnly } from "@/lib/grades/gradebook";

export type Progress = {
  state: "not_started" | "in_progress" | "awaiting" | "graded";
  /** Some of this work is graded but its scores are not released yet. */
  unreleased: boolean;
  /** Late days spent on this assignment. */
  lateDays: number;
  score: number;
  max: number;
  late: boolean;
  extensionDue: Date | null;
  /** This person's due date and end of the late window (null: no late work accepted). */
  dueAt: Date;
  lateUntil: Date | null;
};

export async function studentProgress(db: PrismaClient, termId: string, userId: string): Promise<Map<string, Progress>> {
  const full = await computeGradebook(db, termId, { userIds: [userId], includeStaff: true });
  const book = releasedOnly(full);
  const out = new Map<string, Progress>();
  for (const [assignmentId, r] of book.rows[0]?.results ?? []) {
    const { dueAt, lateUntil } = r;
    const held = (full.rows[0]?.results.get(assignmentId)?.cells ?? []).some((c) => !c.released && (c.score !== null || c.override !== null));
    const answered = r.cells.filter((c) => c.attempts > 0 || c.override).length;
    const state = answered === 0 ? "not_started" : r.cells.some((c) => c.pending) ? "awaiting" : answered < r.cells.length ? "in_progress" : "graded";
    out.set(assignmentId, {
      state,
      unreleased: held,
      lateDays: r.lateDaysSpent,
      score: Math.round((r.total ?? 0) * 100) / 100,
      max: r.max,
      late: r.cells.some((c) => c.late),
      extensionDue: r.extensionDueAt,
      dueAt,
      lateUntil,
    });
  }
  return out;
}
