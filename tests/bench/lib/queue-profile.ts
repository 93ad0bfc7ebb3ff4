// `npm run bench:queue -- --profile`: where the queue's own cost goes, one submission at a time on
// a throwaway PostgreSQL (no grading: one report of the reference, graded once, is written for every
// job). Each step of today's path is timed, and beside it, in the same run, the same step done the
// way it was before (a separate read of the submission; the result in a Prisma transaction).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb, type PrismaClient } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/maintenance";
import { submit } from "@/lib/submissions/submit";
import { claimJobs } from "@/lib/queue/jobs";
import { runner } from "@/lib/db/direct";
import { completeJob } from "@/lib/queue/complete";
import { createGraderPool, readCodeQuestion, type GradeReport } from "@/grader";
import { startThrowawayPostgres } from "@/scripts/lib/throwaway-postgres";
import { seed, sources } from "./queue-scenario";
import { percentile } from "./stats";

/** The result as it was written before: a transaction of four statements (six round trips with BEGIN and COMMIT). */
async function completeInTransaction(db: PrismaClient, jobId: string, submissionId: string, workerId: string, versionId: string, report: GradeReport) {
  return db.$transaction(async (tx) => {
    const owned = await tx.gradingJob.updateMany({
      where: { id: jobId, lockedBy: workerId, status: "RUNNING" },
      data: { status: "DONE", lockedBy: null, lockedUntil: null, lastError: null },
    });
    if (owned.count !== 1) return false;
    if (await tx.grading.findUnique({ where: { jobId }, select: { id: true } })) return false;
    const g = await tx.grading.create({
      data: {
        submissionId,
        jobId,
        versionId,
        score: report.score,
        maxScore: report.maxScore,
        status: report.status,
        report: JSON.parse(JSON.stringify(report)),
      },
      select: { id: true },
    });
    await tx.testResult.createMany({
      data: report.tests.map((t, position) => ({
        gradingId: g.id,
        position,
        name: t.name,
        score: t.score,
        maxScore: t.maxScore,
        status: t.status,
        visibility: t.visibility,
      })),
    });
    return true;
  });
}

/** The claim as it was before: one read of both kinds of claimable job, sorted whole, then locked. */
const CLAIM_BEFORE = `UPDATE "GradingJob" j
    SET status = 'RUNNING', "lockedBy" = $1, "lockedUntil" = now() + interval '30 seconds', attempts = j.attempts + 1, "updatedAt" = now()
  WHERE j.id IN (
    SELECT id FROM "GradingJob"
     WHERE (status = 'QUEUED' AND "runAfter" <= now())
        OR (status = 'RUNNING' AND "lockedUntil" < now() AND attempts < "maxAttempts")
     ORDER BY priority DESC, "createdAt" ASC
     LIMIT 1
     FOR UPDATE SKIP LOCKED)
  RETURNING j.id`;

/** A backlog of `size` queued jobs (copies of submission `like`), for timing claims at a deadline's queue length. */
async function makeBacklog(db: PrismaClient, like: string, size: number): Promise<void> {
  await db.$executeRawUnsafe(
    `WITH subs AS (
       INSERT INTO "Submission" (id, "userId", "assignmentId", "versionId", "questionId", "questionKey", kind, code, "createdAt")
       SELECT 'backlog-' || i, s."userId", s."assignmentId", s."versionId", s."questionId", s."questionKey", s.kind, s.code, s."createdAt"
         FROM "Submission" s, generate_series(1, $2::int) i WHERE s.id = $1
       RETURNING id)
     INSERT INTO "GradingJob" (id, "submissionId", priority, "maxAttempts", "updatedAt") SELECT 'job-' || id, id, 5, 5, now() FROM subs`,
    like,
    size,
  );
}

export async function profileQueue(n: number, root: string): Promise<Record<string, number>> {
  const server = await startThrowawayPostgres();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "queue-profile-"));
  try {
    process.env.DATABASE_URL = server.url;
    process.env.DATA_DIR = dataDir;
    resetEnvCache();
    await migrateDatabase();
    const db = await getDb();
    const seeded = await seed(db, 2 * n, 500);
    const code = sources().correct;
    const dir = path.join(root, "assignments/layernorm");
    const pool = createGraderPool({ size: 1 });
    const report = await pool.grade({ assignmentDir: dir, question: readCodeQuestion(dir), source: code, include: "all" });
    await pool.close();
    const times: Record<string, number[]> = {};
    const time = async <T>(k: string, f: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      const r = await f();
      (times[k] ??= []).push(performance.now() - t);
      return r;
    };
    const worker = `profile-${randomBytes(3).toString("hex")}`;
    for (let i = 0; i < 2 * n; i++) {
      const old = i % 2 === 1; // alternate, so both ways see the same table sizes and load
      const input = {
        userId: seeded.studentIds[i]!,
        termId: seeded.term.id,
        assignmentSlug: "layernorm",
        questionKey: "norms",
        kind: "SUBMIT" as const,
        code: `${code}\n// ${i}\n`,
        isStaff: false,
        embedded: false,
      };
      const s = await time("submit (the whole submit path)", () => submit(db, input));
      const [job] = await time(old ? "before: claim" : "claim, reading the submission too", () => claimJobs(db, worker, 1, 30_000));
      if (!job || job.submissionId !== s.submissionId) throw new Error("profile: claimed another job");
      if (old) {
        await time("before: read the submission (Prisma, with assignment and course)", () =>
          db.submission.findUniqueOrThrow({
            where: { id: job.submissionId },
            select: {
              id: true,
              userId: true,
              versionId: true,
              code: true,
              answer: true,
              gradingSeed: true,
              assignment: { select: { slug: true, term: { select: { course: { select: { slug: true } } } } } },
            },
          }),
        );
        await time("before: result (Prisma transaction, createMany per-test rows)", () =>
          completeInTransaction(db, job.id, job.submissionId, worker, job.submission.versionId, report),
        );
        await time("before: notify (its own query after the submit)", () => db.$executeRawUnsafe(`SELECT pg_notify('grading_jobs', '')`));
      } else {
        await time("result (one statement: grading, per-test rows, job DONE)", () =>
          completeJob(db, job.id, job.submissionId, worker, { report, versionId: job.submission.versionId, regrade: false }),
        );
      }
    }
    // Claims at a deadline's queue length: 3,000 queued, today's claim and the one before alternating.
    const BACKLOG = 3000;
    await makeBacklog(db, (await db.submission.findFirstOrThrow({ select: { id: true } })).id, BACKLOG);
    // As autovacuum would after a change this size; the planner then knows the backlog is there.
    await db.$executeRawUnsafe(`ANALYZE "GradingJob"`);
    for (let i = 0; i < 2 * Math.min(n, 100); i++) {
      if (i % 2 === 1) await time(`before: claim with ${BACKLOG} jobs queued (the backlog sorted)`, () => runner(db)("claim-before", CLAIM_BEFORE, [worker]));
      else await time(`claim with ${BACKLOG} jobs queued`, () => claimJobs(db, worker, 1, 30_000));
    }
    const out: Record<string, number> = {};
    console.log(`the queue's own steps, one submission at a time (${n} each way, alternating), ms median / p90:`);
    for (const [k, xs] of Object.entries(times)) {
      const sorted = [...xs].sort((a, b) => a - b);
      const med = Math.round(percentile(sorted, 50) * 100) / 100;
      out[k] = med;
      console.log(`  ${k.padEnd(68)} ${med.toFixed(2).padStart(6)} / ${(Math.round(percentile(sorted, 90) * 100) / 100).toFixed(2).padStart(6)}`);
    }
    return out;
  } finally {
    await closeDb().catch(() => {});
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
