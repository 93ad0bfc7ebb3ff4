// "Regrade all" for an auto-graded question: one new job for every submission that can count under
// the question's policy (lib/grades: every graded SUBMIT under BEST, the latest under LATEST),
// graded against the version staff chose (the current one by default, so a fixed hidden test
// applies), at PRIORITY.regrade (below students' own submissions). The worker writes new Grading
// rows with regrade=true and that version; the old ones stay as history and the gradebook takes
// the newest. The batch is an audit-log entry listing its jobs, so any web server can report it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isEmbedded } from "@/lib/env";
import { groupBy, submissionsThatCanCount } from "@/lib/grades/counted";
import { MAX_JOB_ATTEMPTS, PRIORITY, notifyWorkers } from "@/lib/queue/jobs";
import { HttpError } from "@/lib/http/http-error";
import { requireStaffAssignmentRow } from "@/lib/assignments/course-data";

export type RegradeProgress = { batchId: string; versionNumber: number | null; total: number; queued: number; running: number; done: number; failed: number };
export type RegradeInput = { termId: string; assignmentSlug: string; questionKey: string; actorId: string; versionNumber?: number | undefined };

/** The version a regrade grades against: the one with `versionNumber`, or the current one. */
async function chosenVersion(db: PrismaClient, a: { id: string; title: string; currentVersionId: string | null }, versionNumber: number | undefined) {
  const where = versionNumber === undefined ? { id: a.currentVersionId ?? "" } : { assignmentId_number: { assignmentId: a.id, number: versionNumber } };
  const v = await db.assignmentVersion.findUnique({ where, include: { questions: true } });
  if (!v || v.assignmentId !== a.id)
    throw new HttpError(
      404,
      versionNumber === undefined
        ? `${a.title} has no current version; sync the assignments first.`
        : `${a.title} has no version ${versionNumber}; pick one of the versions listed.`,
    );
  return v;
}

export async function startRegrade(db: PrismaClient, input: RegradeInput): Promise<RegradeProgress> {
  const a = await requireStaffAssignmentRow(db, input.termId, input.assignmentSlug);
  const version = await chosenVersion(db, a, input.versionNumber);
  const q = version.questions.find((x) => x.key === input.questionKey);
  if (!q) throw new HttpError(404, `No question "${input.questionKey}" in version ${version.number} of ${a.title}.`);
  if (q.type === "PROOF") throw new HttpError(400, "Proofs are graded by rubric; edit the rubric to change their scores.");
  const subs = await db.submission.findMany({
    where: { assignmentId: a.id, questionKey: q.key, kind: "SUBMIT" },
    select: { id: true, userId: true, kind: true, createdAt: true, _count: { select: { gradings: true } } },
  });
  const chosen = [...groupBy(subs, (s) => s.userId).values()].flatMap((mine) =>
    submissionsThatCanCount(
      a.policy,
      mine.map((s) => ({ ...s, graded: s._count.gradings > 0 })),
    ),
  );
  if (!chosen.length) throw new HttpError(400, "No graded submissions to regrade yet.");
  const batch = await db.$transaction(async (tx) => {
    const jobIds: string[] = [];
    for (const s of chosen)
      jobIds.push(
        (await tx.gradingJob.create({ data: { submissionId: s.id, versionId: version.id, priority: PRIORITY.regrade, maxAttempts: MAX_JOB_ATTEMPTS } })).id,
      );
    return tx.auditLog.create({
      data: {
        termId: input.termId,
        actorId: input.actorId,
        action: "regrade",
        targetId: a.id,
        data: { assignment: a.slug, question: q.key, version: version.number, jobIds },
      },
    });
  });
  await notifyWorkers(db, isEmbedded()).catch(() => {});
  return regradeProgress(db, input.termId, batch.id);
}

export async function regradeProgress(db: PrismaClient, termId: string, batchId: string): Promise<RegradeProgress> {
  const entry = await db.auditLog.findUnique({ where: { id: batchId } });
  if (!entry || entry.termId !== termId || entry.action !== "regrade") throw new HttpError(404, "No such regrade in this course.");
  const data = entry.data as { jobIds?: string[]; version?: number };
  const jobIds = data.jobIds ?? [];
  const counts = await db.gradingJob.groupBy({ by: ["status"], where: { id: { in: jobIds } }, _count: { _all: true } });
  const n = (s: string) => counts.find((c) => c.status === s)?._count._all ?? 0;
  return {
    batchId,
    versionNumber: data.version ?? null,
    total: jobIds.length,
    queued: n("QUEUED"),
    running: n("RUNNING"),
    done: n("DONE"),
    failed: n("FAILED"),
  };
}

/** The versions staff may regrade against, newest first (for the page's choice). */
export async function regradeVersions(db: PrismaClient, assignmentId: string) {
  return db.assignmentVersion.findMany({ where: { assignmentId }, select: { number: true, createdAt: true }, orderBy: { number: "desc" } });
}
