// Grade overrides: staff replace the computed score of one question for one student, with a
// reason. Every override (and its removal) is kept in the audit log and shown to staff.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";
import { requireStaffAssignmentRow } from "@/lib/assignments/course-data";

export type OverrideInput = {
  termId: string;
  assignmentSlug: string;
  userId: string;
  questionKey: string;
  score: number | null;
  reason: string;
  actorId: string;
};

export async function setOverride(db: PrismaClient, input: OverrideInput): Promise<void> {
  const assignment = await requireStaffAssignmentRow(db, input.termId, input.assignmentSlug);
  const question = await db.question.findUnique({ where: { versionId_key: { versionId: assignment.currentVersionId, key: input.questionKey } } });
  if (!question) throw new HttpError(404, `No question "${input.questionKey}" in ${assignment.title}.`);
  const student = await db.enrollment.findUnique({ where: { userId_termId: { userId: input.userId, termId: input.termId } } });
  if (!student || student.role !== "STUDENT") throw new HttpError(404, "No such student in this course.");
  if (input.score !== null && (input.score < 0 || input.score > question.points)) {
    throw new HttpError(400, `The score must be between 0 and ${question.points} (the question's points).`);
  }
  await db.$transaction(async (tx) => {
    const where = { userId: input.userId, assignmentId: assignment.id, questionKey: question.key };
    if (input.score === null) await tx.gradeOverride.deleteMany({ where });
    else await tx.gradeOverride.create({ data: { ...where, score: input.score, reason: input.reason, createdById: input.actorId } });
    await tx.auditLog.create({
      data: {
        termId: input.termId,
        actorId: input.actorId,
        action: input.score === null ? "grade.override.remove" : "grade.override",
        targetId: input.userId,
        data: { assignment: assignment.slug, question: question.key, score: input.score, reason: input.reason },
      },
    });
  });
}

/** The audit entries about grades of one student (newest first), for the staff drill-down. */
export async function gradeAuditOf(db: PrismaClient, termId: string, userId: string) {
  return db.auditLog.findMany({
    where: { termId, targetId: userId, action: { startsWith: "grade." } },
    include: { actor: { select: { email: true, name: true } } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}
