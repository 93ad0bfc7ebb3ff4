// Gradings that failed on our side (a grader lost five times, or one that could not run): the
// student is told course staff can retry them. Staff see how many there are in the course and
// queue them all again at once; each retry is the queue's own retryFailedJob, and it is audited.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isEmbedded } from "@/lib/env";
import { notifyWorkers, retryFailedJob } from "@/lib/queue/jobs";

const failedIn = (termId: string) => ({ status: "FAILED" as const, submission: { assignment: { termId } } });

export async function failedJobCount(db: PrismaClient, termId: string): Promise<number> {
  return db.gradingJob.count({ where: failedIn(termId) });
}

/** Queues every failed grading of the course again; returns how many were queued. */
export async function retryFailedJobs(db: PrismaClient, termId: string, actorId: string): Promise<number> {
  const jobs = await db.gradingJob.findMany({ where: failedIn(termId), select: { id: true } });
  const retried: string[] = [];
  for (const j of jobs) if (await retryFailedJob(db, j.id)) retried.push(j.id);
  if (retried.length) {
    await db.auditLog.create({ data: { termId, actorId, action: "jobs.retry", targetId: termId, data: { jobIds: retried } } });
    await notifyWorkers(db, isEmbedded()).catch(() => {});
  }
  return retried.length;
}
