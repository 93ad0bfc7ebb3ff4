// Writing a job's result: the grading row, its per-test rows and the job's DONE status in one
// statement (so one round trip, and atomic like a transaction), and only while the job is still
// this worker's. A worker that lost its lease (and so its job to another worker) writes nothing;
// "Grading"."jobId" is unique besides, so a second result for a job is never written.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { GradeReport } from "@/grader";
import { runner } from "@/lib/db/direct";

export type JobResult = { report: GradeReport; versionId: string; regrade: boolean };

export async function completeJob(db: PrismaClient, jobId: string, submissionId: string, workerId: string, result: JobResult): Promise<boolean> {
  const { report } = result;
  const tests = report.tests.map((t, position) => ({
    id: randomUUID(),
    position,
    name: t.name,
    score: t.score,
    maxScore: t.maxScore,
    status: t.status,
    visibility: t.visibility,
    message: t.message ?? null,
  }));
  const rows = await runner(db)<{ written: number }>(
    "complete-job",
    `WITH owned AS (
       UPDATE "GradingJob" SET status = 'DONE', "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = NULL, "updatedAt" = now()
        WHERE id = $1 AND "lockedBy" = $2 AND status = 'RUNNING'
        RETURNING id),
     grading AS (
       INSERT INTO "Grading" (id, "submissionId", "jobId", "versionId", score, "maxScore", status, output, report, seed, regrade)
       SELECT $3, $4, owned.id, $5, $6, $7, $8, $9, $10::jsonb, $11, $12 FROM owned
       ON CONFLICT ("jobId") DO NOTHING
       RETURNING id),
     tests AS (
       INSERT INTO "TestResult" (id, "gradingId", position, name, score, "maxScore", status, visibility, message)
       SELECT t.id, grading.id, t.position, t.name, t.score, t."maxScore", t.status, t.visibility, t.message
         FROM grading, jsonb_to_recordset($13::jsonb)
              AS t(id text, position int, name text, score float8, "maxScore" float8, status text, visibility text, message text)
       RETURNING 1)
     SELECT (SELECT count(*) FROM grading)::int AS written, (SELECT count(*) FROM tests)::int AS tests`,
    [
      jobId,
      workerId,
      randomUUID(),
      submissionId,
      result.versionId,
      report.score,
      report.maxScore,
      report.status,
      report.output ?? null,
      JSON.stringify(report),
      report.seed ?? null,
      result.regrade,
      JSON.stringify(tests),
    ],
  );
  return rows[0]?.written === 1;
}
