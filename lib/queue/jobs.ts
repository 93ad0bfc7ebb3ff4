// The grading queue on PostgreSQL (both database modes): jobs are rows of "GradingJob", claimed with
// FOR UPDATE SKIP LOCKED under a lease that the worker renews while it grades. A job whose worker
// died is claimed again once its lease expires; after maxAttempts infrastructure failures it is
// FAILED, visibly, until someone retries it. Results are written exactly once: the job must still
// be ours, and "Grading"."jobId" is unique.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { JOB_CHANNEL, wakeLocal } from "@/lib/queue/wake";
import { runner } from "@/lib/db/direct";

export const PRIORITY = { run: 10, submit: 5, regrade: -10 } as const;

/** Infrastructure failures (a worker lost mid-job, a grader that could not run) before a job is
 * FAILED for staff to look at. Student code cannot cause one: it runs in the sandbox children. */
export const MAX_JOB_ATTEMPTS = 5;

/** What grading a claimed job needs of its submission (read in the claim's own query). */
export type ClaimedSubmission = {
  userId: string;
  /** The version the submission answered. */
  versionId: string;
  questionKey: string;
  kind: "SUBMIT" | "RUN";
  code: string | null;
  answer: unknown;
  gradingSeed: string | null;
  assignmentSlug: string;
  courseSlug: string;
};

/** `versionId`: the version to grade against (a regrade's choice), null for the submission's own. */
export type ClaimedJob = {
  id: string;
  submissionId: string;
  attempts: number;
  maxAttempts: number;
  priority: number;
  versionId: string | null;
  submission: ClaimedSubmission;
};

type ClaimedRow = Omit<ClaimedJob, "submission"> & Omit<ClaimedSubmission, "versionId"> & { submissionVersionId: string };

export async function notifyWorkers(db: PrismaClient, embedded: boolean): Promise<void> {
  if (embedded) wakeLocal();
  else await db.$executeRawUnsafe(`SELECT pg_notify('${JOB_CHANNEL}', '')`);
}

/**
 * Claims up to `limit` jobs (queued ones by priority, and running ones whose lease expired) and
 * reads what grading them needs, in one round trip. Each kind is read in claim order from the
 * (status, priority DESC, createdAt) index, so a claim reads the first few rows of the backlog
 * instead of sorting all of it; the picked ids are then updated through the primary key (as an
 * IN (subquery), the prepared statement's generic plan scanned the whole table to join them). Of
 * the up to 2 × limit rows the two reads lock, those not picked are locked only until this
 * statement ends.
 */
export async function claimJobs(db: PrismaClient, workerId: string, limit: number, leaseMs: number): Promise<ClaimedJob[]> {
  const rows = await runner(db)<ClaimedRow>(
    "claim-jobs",
    `WITH queued AS (
       SELECT id, priority, "createdAt" FROM "GradingJob"
        WHERE status = 'QUEUED' AND "runAfter" <= now()
        ORDER BY priority DESC, "createdAt" ASC LIMIT $2
        FOR UPDATE SKIP LOCKED),
     expired AS (
       SELECT id, priority, "createdAt" FROM "GradingJob"
        WHERE status = 'RUNNING' AND "lockedUntil" < now() AND attempts < "maxAttempts"
        ORDER BY priority DESC, "createdAt" ASC LIMIT $2
        FOR UPDATE SKIP LOCKED),
     picked AS (
       SELECT id FROM (SELECT * FROM queued UNION ALL SELECT * FROM expired) c
        ORDER BY priority DESC, "createdAt" ASC LIMIT $2),
     claimed AS (
       UPDATE "GradingJob" j
          SET status = 'RUNNING', "lockedBy" = $1, "lockedUntil" = now() + ($3 || ' milliseconds')::interval,
              attempts = j.attempts + 1, "updatedAt" = now()
        WHERE j.id = ANY(ARRAY(SELECT id FROM picked))
        RETURNING j.id, j."submissionId", j.attempts, j."maxAttempts", j.priority, j."versionId")
     SELECT c.*, s."userId", s."versionId" AS "submissionVersionId", s."questionKey", s.kind::text AS kind, s.code, s.answer,
            s."gradingSeed", a.slug AS "assignmentSlug", co.slug AS "courseSlug"
       FROM claimed c
       JOIN "Submission" s ON s.id = c."submissionId"
       JOIN "Assignment" a ON a.id = s."assignmentId"
       JOIN "Term" t ON t.id = a."termId"
       JOIN "Course" co ON co.id = t."courseId"`,
    [workerId, limit, String(leaseMs)],
  );
  return rows.map((r) => ({
    id: r.id,
    submissionId: r.submissionId,
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    priority: r.priority,
    versionId: r.versionId,
    submission: {
      userId: r.userId,
      versionId: r.submissionVersionId,
      questionKey: r.questionKey,
      kind: r.kind,
      code: r.code,
      answer: r.answer,
      gradingSeed: r.gradingSeed,
      assignmentSlug: r.assignmentSlug,
      courseSlug: r.courseSlug,
    },
  }));
}

/** Extends the lease of jobs this worker still holds; returns how many it still holds. */
export async function renewLeases(db: PrismaClient, workerId: string, jobIds: string[], leaseMs: number): Promise<number> {
  if (!jobIds.length) return 0;
  return db.$executeRawUnsafe(
    `UPDATE "GradingJob" SET "lockedUntil" = now() + ($2 || ' milliseconds')::interval, "updatedAt" = now()
      WHERE "lockedBy" = $1 AND status = 'RUNNING' AND id = ANY($3::text[])`,
    workerId,
    String(leaseMs),
    jobIds,
  );
}

/** Jobs whose worker died on their last allowed attempt: FAILED, with the reason visible. */
export async function failAbandonedJobs(db: PrismaClient): Promise<number> {
  return db.$executeRawUnsafe(
    `UPDATE "GradingJob" SET status = 'FAILED', "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = now(),
            "lastError" = coalesce("lastError", 'the grader stopped while grading this (worker lost ' || attempts || ' times)')
      WHERE status = 'RUNNING' AND "lockedUntil" < now() AND attempts >= "maxAttempts"`,
  );
}

/** An infrastructure failure: retry later, or FAILED after maxAttempts. Never counts as an attempt of the student's. */
export async function failJob(db: PrismaClient, job: ClaimedJob, workerId: string, error: string): Promise<void> {
  const final = job.attempts >= job.maxAttempts;
  await db.gradingJob.updateMany({
    where: { id: job.id, lockedBy: workerId, status: "RUNNING" },
    data: final
      ? { status: "FAILED", lastError: error.slice(0, 2000), lockedBy: null, lockedUntil: null }
      : { status: "QUEUED", lastError: error.slice(0, 2000), lockedBy: null, lockedUntil: null, runAfter: new Date(Date.now() + 1000 * 2 ** job.attempts) },
  });
}

/** Gives jobs back to the queue (graceful shutdown) without using up an attempt. */
export async function releaseJobs(db: PrismaClient, workerId: string, jobIds: string[]): Promise<void> {
  if (!jobIds.length) return;
  await db.$executeRawUnsafe(
    `UPDATE "GradingJob" SET status = 'QUEUED', "lockedBy" = NULL, "lockedUntil" = NULL, attempts = greatest(attempts - 1, 0), "updatedAt" = now()
      WHERE "lockedBy" = $1 AND status = 'RUNNING' AND id = ANY($2::text[])`,
    workerId,
    jobIds,
  );
}

/** An admin's retry of a FAILED job. */
export async function retryFailedJob(db: PrismaClient, jobId: string): Promise<boolean> {
  const r = await db.gradingJob.updateMany({
    where: { id: jobId, status: "FAILED" },
    data: { status: "QUEUED", attempts: 0, lastError: null, runAfter: new Date() },
  });
  return r.count === 1;
}

/** How many jobs would be claimed before this one (for "position in queue"). */
export async function queuePosition(db: PrismaClient, jobId: string): Promise<number | null> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "GradingJob" o, "GradingJob" j
      WHERE j.id = $1 AND j.status = 'QUEUED' AND o.status = 'QUEUED'
        AND (o.priority > j.priority OR (o.priority = j.priority AND o."createdAt" < j."createdAt"))`,
    jobId,
  );
  return rows[0]?.n ?? null;
}
