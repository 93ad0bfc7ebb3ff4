// Rubric grading of proof questions. A grading's score is clamp(sum of the applied rubric items +
// adjustment, 0, question points); it is stored, and recomputed for every grading that uses an
// item when staff edit that item. Several graders at once: each save names the revision it was
// based on, and a save based on an older revision is refused (nobody's work is overwritten).
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";
import { manualScore } from "@/lib/grades/manual-score.shared";
import { groupBy, latestSubmitted } from "@/lib/grades/counted";

type Tx = Prisma.TransactionClient;

export const CONFLICT_MESSAGE = "Someone else changed this grading since you opened it. Reload to see their version, then apply your changes again.";

/** The proof submission, checked to belong to this course and to a proof question. */
async function proofSubmission(db: PrismaClient | Tx, termId: string, submissionId: string) {
  const s = await db.submission.findUnique({
    where: { id: submissionId },
    include: { assignment: { select: { id: true, termId: true } }, question: { select: { type: true, points: true } } },
  });
  if (!s || s.assignment.termId !== termId) throw new HttpError(404, "No such submission in this course.");
  if (s.question.type !== "PROOF" || s.kind !== "SUBMIT") throw new HttpError(400, "Only submitted proofs are graded by rubric.");
  return s;
}

export type SaveGradingInput = {
  termId: string;
  submissionId: string;
  graderId: string;
  itemIds: string[];
  comment: string;
  adjustment: number;
  /** The revision the grader saw; 0 when the submission had no grading yet. */
  expectedRevision: number;
};

export async function saveManualGrading(db: PrismaClient, input: SaveGradingInput) {
  return db.$transaction(async (tx) => {
    const s = await proofSubmission(tx, input.termId, input.submissionId);
    const items = await tx.rubricItem.findMany({ where: { assignmentId: s.assignmentId, questionKey: s.questionKey, id: { in: input.itemIds } } });
    if (items.length !== new Set(input.itemIds).size) throw new HttpError(400, "A rubric item is not part of this question's rubric; reload the page.");
    const score = manualScore(
      items.map((i) => i.points),
      input.adjustment,
      s.question.points,
    );
    const data = { graderId: input.graderId, comment: input.comment, adjustment: input.adjustment, score };
    let id: string;
    let revision: number;
    if (input.expectedRevision === 0) {
      // The unique submissionId makes a second "first" grading fail; ON CONFLICT DO NOTHING tells us.
      const inserted = await tx.$executeRawUnsafe(
        `INSERT INTO "ManualGrading" (id, "submissionId", "graderId", comment, adjustment, score, revision, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, 1, now()) ON CONFLICT ("submissionId") DO NOTHING`,
        `mg_${createHash("sha1").update(input.submissionId).digest("hex").slice(0, 22)}`,
        input.submissionId,
        input.graderId,
        input.comment,
        input.adjustment,
        score,
      );
      if (inserted !== 1) throw new HttpError(409, CONFLICT_MESSAGE);
      const row = await tx.manualGrading.findUniqueOrThrow({ where: { submissionId: input.submissionId } });
      id = row.id;
      revision = 1;
    } else {
      const updated = await tx.manualGrading.updateMany({
        where: { submissionId: input.submissionId, revision: input.expectedRevision },
        data: { ...data, revision: { increment: 1 } },
      });
      if (updated.count !== 1) throw new HttpError(409, CONFLICT_MESSAGE);
      const row = await tx.manualGrading.findUniqueOrThrow({ where: { submissionId: input.submissionId } });
      id = row.id;
      revision = row.revision;
      await tx.manualGradingItem.deleteMany({ where: { manualGradingId: id } });
    }
    if (items.length) await tx.manualGradingItem.createMany({ data: items.map((i) => ({ manualGradingId: id, rubricItemId: i.id })) });
    return { id, revision, score };
  });
}

/** Recomputes the stored score of every grading that applies any of these rubric items. */
export async function recomputeScoresUsing(tx: Tx, rubricItemIds: string[]): Promise<number> {
  const gradings = await tx.manualGrading.findMany({
    where: { items: { some: { rubricItemId: { in: rubricItemIds } } } },
    include: { items: { include: { rubricItem: { select: { points: true } } } }, submission: { select: { question: { select: { points: true } } } } },
  });
  for (const g of gradings) {
    const score = manualScore(
      g.items.map((i) => i.rubricItem.points),
      g.adjustment,
      g.submission.question.points,
    );
    if (score !== g.score) await tx.manualGrading.update({ where: { id: g.id }, data: { score } });
  }
  return gradings.length;
}

export type RubricEdit = { termId: string; rubricItemId: string; points: number; description: string; actorId: string };

/** Edits a rubric item and recomputes every score that uses it, in one transaction (audited). */
export async function editRubricItem(db: PrismaClient, edit: RubricEdit): Promise<{ recomputed: number }> {
  return db.$transaction(async (tx) => {
    const item = await tx.rubricItem.findUnique({ where: { id: edit.rubricItemId }, include: { assignment: { select: { termId: true } } } });
    if (!item || item.assignment.termId !== edit.termId) throw new HttpError(404, "No such rubric item in this course.");
    await tx.rubricItem.update({ where: { id: item.id }, data: { points: edit.points, description: edit.description } });
    const recomputed = await recomputeScoresUsing(tx, [item.id]);
    await tx.auditLog.create({
      data: {
        termId: edit.termId,
        actorId: edit.actorId,
        action: "rubric.edit",
        targetId: item.id,
        data: {
          questionKey: item.questionKey,
          key: item.key,
          before: { points: item.points, description: item.description },
          after: { points: edit.points, description: edit.description },
          recomputed,
        },
      },
    });
    return { recomputed };
  });
}

/** Stable pseudo-random position of a student in a question's queue (same on every visit). */
export function queueRank(assignmentId: string, questionKey: string, userId: string): string {
  return createHash("sha256").update(`${assignmentId}:${questionKey}:${userId}`).digest("hex");
}

/** `rank`: the student's place in the stable shuffled order (pages sort by it, not by name). */
export type QueueEntry = {
  submissionId: string;
  userId: string;
  name: string;
  createdAt: Date;
  graded: boolean;
  score: number | null;
  grader: string | null;
  rank: string;
};

/** Each student's final proof for a question: ungraded first, then graded, each in stable shuffled order. */
export async function proofQueue(db: PrismaClient, assignmentId: string, questionKey: string): Promise<QueueEntry[]> {
  const assignment = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { termId: true } });
  const students = await db.enrollment.findMany({ where: { termId: assignment.termId, role: "STUDENT" }, select: { userId: true } });
  const all = await db.submission.findMany({
    where: { assignmentId, questionKey, kind: "SUBMIT", userId: { in: students.map((s) => s.userId) }, question: { type: "PROOF" } },
    include: { user: { select: { name: true } }, manualGrading: { include: { grader: { select: { email: true } } } } },
  });
  const subs = [...groupBy(all, (s) => s.userId).values()].map((mine) => latestSubmitted(mine)!);
  return subs
    .map((s) => ({
      submissionId: s.id,
      userId: s.userId,
      name: s.user.name,
      createdAt: s.createdAt,
      graded: Boolean(s.manualGrading),
      score: s.manualGrading?.score ?? null,
      grader: s.manualGrading?.grader?.email ?? null,
      rank: queueRank(assignmentId, questionKey, s.userId),
    }))
    .sort((x, y) => Number(x.graded) - Number(y.graded) || (x.rank < y.rank ? -1 : x.rank > y.rank ? 1 : 0));
}
