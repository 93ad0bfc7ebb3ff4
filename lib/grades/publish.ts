// Publish / Unpublish an assignment's grades (lib/grades/release decides what that reveals). The
// time is kept on the assignment and every change in the audit log, with who did it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requireStaffAssignmentRow } from "@/lib/assignments/course-data";

export type PublishInput = { termId: string; assignmentSlug: string; published: boolean; actorId: string; now?: Date };

export async function setGradesPublished(db: PrismaClient, input: PublishInput): Promise<{ publishedAt: Date | null }> {
  const a = await requireStaffAssignmentRow(db, input.termId, input.assignmentSlug);
  const publishedAt = input.published ? (input.now ?? new Date()) : null;
  await db.$transaction([
    db.assignment.update({ where: { id: a.id }, data: { gradesPublishedAt: publishedAt } }),
    db.auditLog.create({
      data: {
        termId: input.termId,
        actorId: input.actorId,
        action: input.published ? "grades.publish" : "grades.unpublish",
        targetId: a.id,
        data: { assignment: a.slug, at: (input.now ?? new Date()).toISOString(), before: a.gradesPublishedAt?.toISOString() ?? null },
      },
    }),
  ]);
  return { publishedAt };
}

/** The assignment's publish history, newest first (for the staff page). */
export async function publishHistory(db: PrismaClient, termId: string, assignmentId: string) {
  return db.auditLog.findMany({
    where: { termId, targetId: assignmentId, action: { in: ["grades.publish", "grades.unpublish"] } },
    include: { actor: { select: { email: true } } },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
}
