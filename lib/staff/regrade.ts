// "Regrade all" for an auto-graded question: one new job per student's final submission, at
// PRIORITY.regrade (below students' own submissions); the worker writes new Grading rows with
// regrade=true and the gradebook takes the newest. The batch is an audit-log entry listing its
// jobs, so its progress can be read back by any web server.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isEmbedded } from "@/lib/env";
import { MAX_JOB_ATTEMPTS, PRIORITY, notifyWorkers } from "@/lib/queue/jobs";
import { StaffError } from "@/lib/staff/errors";

export type RegradeProgress = { batchId: string; total: number; queued: number; running: number; done: number; failed: number };

export async function startRegrade(db: PrismaClient, input: { courseId: string; assignmentId: string; questionKey: string; actorId: string }): Promise<RegradeProgress> {
  const a = await db.assignment.findUnique({ where: { id: input.assignmentId }, include: { currentVersion: { include: { questions: true } } } });
  const q = a?.currentVersion?.questions.find((x) => x.key === input.questionKey);
  if (!a || a.courseId !== input.courseId || !q) throw new StaffError(404, `No question "${input.questionKey}" in this assignment.`);
  if (q.type === "PROOF") throw new StaffError(400, "Proofs are graded by rubric; edit the rubric to change their scores.");
  const finals = await db.submission.findMany({
    where: { assignmentId: a.id, questionKey: q.key, kind: "SUBMIT" },
    orderBy: { createdAt: "desc" },
    distinct: ["userId"],
    select: { id: true },
  });
  if (!finals.length) throw new StaffError(400, "No submissions to regrade yet.");
  const batch = await db.$transaction(async (tx) => {
    const jobIds: string[] = [];
    for (const s of finals) jobIds.push((await tx.gradingJob.create({ data: { submissionId: s.id, priority: PRIORITY.regrade, maxAttempts: MAX_JOB_ATTEMPTS } })).id);
    return tx.auditLog.create({ data: { courseId: input.courseId, actorId: input.actorId, action: "regrade", targetId: a.id, data: { assignment: a.slug, question: q.key, jobIds } } });
  });
  await notifyWorkers(db, isEmbedded()).catch(() => {});
  return regradeProgress(db, input.courseId, batch.id);
}

export async function regradeProgress(db: PrismaClient, courseId: string, batchId: string): Promise<RegradeProgress> {
  const entry = await db.auditLog.findUnique({ where: { id: batchId } });
  if (!entry || entry.courseId !== courseId || entry.action !== "regrade") throw new StaffError(404, "No such regrade in this course.");
  const jobIds = (entry.data as { jobIds?: string[] }).jobIds ?? [];
  const counts = await db.gradingJob.groupBy({ by: ["status"], where: { id: { in: jobIds } }, _count: { _all: true } });
  const n = (s: string) => counts.find((c) => c.status === s)?._count._all ?? 0;
  return { batchId, total: jobIds.length, queued: n("QUEUED"), running: n("RUNNING"), done: n("DONE"), failed: n("FAILED") };
}
