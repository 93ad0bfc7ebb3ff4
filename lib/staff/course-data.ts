// Queries the staff pages share: the course's assignments with their current questions, and one
// assignment by slug (staff see unreleased ones; hidden ones — deleted folders — are gone).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { VersionContent } from "@/lib/assignments/public-view";
import { StaffError } from "@/lib/staff/errors";

/** The course's assignments (or the one with `slug`) with their current version's number and
 *  questions; not its content (every file of the assignment), which lists never need. */
export async function staffAssignments(db: PrismaClient, courseId: string, slug?: string) {
  return db.assignment.findMany({
    where: { courseId, hidden: false, currentVersionId: { not: null }, ...(slug ? { slug } : {}) },
    include: { currentVersion: { select: { number: true, questions: { orderBy: { position: "asc" } } } } },
    orderBy: [{ position: "asc" }, { dueAt: "asc" }],
  });
}

export async function staffAssignment(db: PrismaClient, courseId: string, slug: string) {
  const a = await db.assignment.findUnique({
    where: { courseId_slug: { courseId, slug } },
    include: { currentVersion: { include: { questions: { orderBy: { position: "asc" } } } } },
  });
  if (!a || a.hidden || !a.currentVersion) return null;
  return { ...a, currentVersion: a.currentVersion, content: a.currentVersion.content as unknown as VersionContent };
}

/** For route handlers: the assignment or a 404 that names what was asked for. */
export async function requireStaffAssignment(db: PrismaClient, courseId: string, slug: string) {
  const a = await staffAssignment(db, courseId, slug);
  if (!a) throw new StaffError(404, `No assignment "${slug}" in this course.`);
  return a;
}

/** Counts of each proof question's final submissions, graded and not. */
export async function proofCounts(db: PrismaClient, courseId: string) {
  const rows = await db.$queryRawUnsafe<{ assignmentId: string; questionKey: string; total: number; graded: number }[]>(
    `SELECT s."assignmentId", s."questionKey", count(*)::int AS total, count(m.id)::int AS graded
       FROM (SELECT DISTINCT ON (s."userId", s."assignmentId", s."questionKey") s.*
               FROM "Submission" s
               JOIN "Assignment" a ON a.id = s."assignmentId" AND a."courseId" = $1
               JOIN "Question" q ON q.id = s."questionId" AND q.type = 'PROOF'
               JOIN "Enrollment" e ON e."userId" = s."userId" AND e."courseId" = $1 AND e.role = 'STUDENT'
              WHERE s.kind = 'SUBMIT'
              ORDER BY s."userId", s."assignmentId", s."questionKey", s."createdAt" DESC) s
       LEFT JOIN "ManualGrading" m ON m."submissionId" = s.id
      GROUP BY s."assignmentId", s."questionKey"`,
    courseId,
  );
  return new Map(rows.map((r) => [`${r.assignmentId}:${r.questionKey}`, r]));
}
