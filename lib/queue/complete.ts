// Writing a job's result: the grading row, its per-test rows and the job's DONE status in one
// transaction, and only while the job is still this worker's. A worker that lost its lease (and
// so its job to another worker) writes nothing; "Grading"."jobId" is unique besides.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { GradeReport } from "@/grader";

export type JobResult = { report: GradeReport; versionId: string; regrade: boolean };

export async function completeJob(db: PrismaClient, jobId: string, submissionId: string, workerId: string, result: JobResult): Promise<boolean> {
  const { report } = result;
  return db.$transaction(async (tx) => {
    const owned = await tx.gradingJob.updateMany({
      where: { id: jobId, lockedBy: workerId, status: "RUNNING" },
      data: { status: "DONE", lockedBy: null, lockedUntil: null, lastError: null },
    });
    if (owned.count !== 1) return false;
    if (await tx.grading.findUnique({ where: { jobId }, select: { id: true } })) return false;
    const grading = await tx.grading.create({
      data: {
        submissionId,
        jobId,
        versionId: result.versionId,
        score: report.score,
        maxScore: report.maxScore,
        status: report.status,
        output: report.output ?? null,
        report: JSON.parse(JSON.stringify(report)),
        seed: report.seed ?? null,
        regrade: result.regrade,
      },
      select: { id: true },
    });
    // One INSERT for all per-test rows (a nested create would issue one per test).
    await tx.testResult.createMany({
      data: report.tests.map((t, position) => ({
        gradingId: grading.id,
        position,
        name: t.name,
        score: t.score,
        maxScore: t.maxScore,
        status: t.status,
        visibility: t.visibility,
        message: t.message ?? null,
      })),
    });
    return true;
  });
}
