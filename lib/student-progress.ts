// A student's standing per assignment for the course home: not started, in progress, awaiting
// grading, or graded with a score (late penalty applied; best or latest per question, as the
// assignment says), plus their extension.
import "server-only";
import { getDb } from "@/lib/db";
import { applyLatePenalty } from "@/lib/submissions/policy";

export type Progress = { state: "not_started" | "in_progress" | "awaiting" | "graded"; score: number; max: number; late: boolean; extensionDue: Date | null };

export async function studentProgress(userId: string, assignmentIds: string[]): Promise<Map<string, Progress>> {
  const db = await getDb();
  const [assignments, submissions, extensions] = await Promise.all([
    db.assignment.findMany({ where: { id: { in: assignmentIds } }, include: { currentVersion: { include: { questions: true } } } }),
    db.submission.findMany({
      where: { userId, assignmentId: { in: assignmentIds }, kind: "SUBMIT" },
      include: { gradings: { orderBy: { gradedAt: "desc" }, take: 1 }, manualGrading: true },
      orderBy: { createdAt: "asc" },
    }),
    db.extension.findMany({ where: { userId, assignmentId: { in: assignmentIds } } }),
  ]);
  const out = new Map<string, Progress>();
  for (const a of assignments) {
    const questions = a.currentVersion?.questions ?? [];
    const max = questions.reduce((s, q) => s + q.points, 0);
    const mine = submissions.filter((s) => s.assignmentId === a.id);
    let score = 0;
    let pending = false;
    for (const q of questions) {
      const scored = mine
        .filter((s) => s.questionKey === q.key)
        .map((s) => {
          const raw = s.gradings[0]?.score ?? s.manualGrading?.score;
          return raw === undefined ? null : applyLatePenalty(raw, s.late, a.latePenalty);
        });
      if (scored.some((x) => x === null)) pending = true;
      const done = scored.filter((x): x is number => x !== null);
      if (done.length) score += a.policy === "LATEST" ? done[done.length - 1]! : Math.max(...done);
    }
    const answered = new Set(mine.map((s) => s.questionKey)).size;
    const state = mine.length === 0 ? "not_started" : pending ? "awaiting" : answered < questions.length ? "in_progress" : "graded";
    out.set(a.id, {
      state,
      score: Math.round(score * 100) / 100,
      max,
      late: mine.some((s) => s.late),
      extensionDue: extensions.find((e) => e.assignmentId === a.id)?.dueAt ?? null,
    });
  }
  return out;
}
