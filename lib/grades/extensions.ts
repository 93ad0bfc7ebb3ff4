// Extensions: a new due date (and optionally late window) for one student on one assignment.
// The submit path and the student's pages read the Extension table; the gradebook uses it to drop
// late penalties of submissions made before the new date. Changes are audited.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";
import { requireStaffAssignmentRow } from "@/lib/assignments/course-data";

export type ExtensionInput = { termId: string; assignmentSlug: string; userId: string; dueAt: Date; lateUntil: Date | null; reason: string; actorId: string };

export async function grantExtension(db: PrismaClient, input: ExtensionInput): Promise<void> {
  const assignment = await requireStaffAssignmentRow(db, input.termId, input.assignmentSlug);
  const student = await db.enrollment.findUnique({ where: { userId_termId: { userId: input.userId, termId: input.termId } } });
  if (!student || student.role !== "STUDENT") throw new HttpError(404, "No such student in this course.");
  if (input.dueAt <= assignment.dueAt) throw new HttpError(400, `The new due date must be after the assignment's own (${assignment.dueAt.toISOString()}).`);
  if (input.lateUntil && input.lateUntil < input.dueAt) throw new HttpError(400, "The late window must end after the new due date.");
  const where = { userId: input.userId, assignmentId: assignment.id };
  const data = { dueAt: input.dueAt, lateUntil: input.lateUntil, reason: input.reason, createdById: input.actorId };
  await db.$transaction([
    db.extension.upsert({ where: { userId_assignmentId: where }, create: { ...where, ...data }, update: data }),
    db.auditLog.create({
      data: {
        termId: input.termId,
        actorId: input.actorId,
        action: "extension.grant",
        targetId: input.userId,
        data: { assignment: assignment.slug, dueAt: input.dueAt.toISOString(), lateUntil: input.lateUntil?.toISOString() ?? null, reason: input.reason },
      },
    }),
  ]);
}

export async function revokeExtension(db: PrismaClient, termId: string, extensionId: string, actorId: string): Promise<void> {
  const ext = await db.extension.findUnique({ where: { id: extensionId }, include: { assignment: true } });
  if (!ext || ext.assignment.termId !== termId) throw new HttpError(404, "No such extension in this course.");
  await db.$transaction([
    db.extension.delete({ where: { id: ext.id } }),
    db.auditLog.create({
      data: { termId, actorId, action: "extension.revoke", targetId: ext.userId, data: { assignment: ext.assignment.slug, dueAt: ext.dueAt.toISOString() } },
    }),
  ]);
}

export async function courseExtensions(db: PrismaClient, termId: string) {
  return db.extension.findMany({
    where: { assignment: { termId } },
    include: { user: { select: { name: true, email: true } }, assignment: { select: { title: true, slug: true, dueAt: true } } },
    orderBy: [{ assignment: { dueAt: "asc" } }, { user: { name: "asc" } }],
  });
}
