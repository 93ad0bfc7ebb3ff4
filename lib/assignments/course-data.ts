// Queries the staff pages share: the course's assignments with their current questions, and one
// assignment by slug (staff see unreleased ones; hidden ones — deleted folders — are gone).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";
import { parseVersionContent } from "@/lib/assignments/version-content";
import { groupBy, latestSubmitted } from "@/lib/grades/counted";

/** The course's assignments (or the one with `slug`) with their current version's number and
 *  questions; not its content (every file of the assignment), which lists never need. */
export async function staffAssignments(db: PrismaClient, termId: string, slug?: string) {
  return db.assignment.findMany({
    where: { termId, hidden: false, currentVersionId: { not: null }, ...(slug ? { slug } : {}) },
    include: { currentVersion: { select: { number: true, questions: { orderBy: { position: "asc" } } } } },
    orderBy: [{ position: "asc" }, { dueAt: "asc" }],
  });
}

export async function staffAssignment(db: PrismaClient, termId: string, slug: string) {
  const a = await db.assignment.findUnique({
    where: { termId_slug: { termId, slug } },
    include: { currentVersion: { include: { questions: { orderBy: { position: "asc" } } } } },
  });
  if (!a || a.hidden || !a.currentVersion) return null;
  return {
    ...a,
    currentVersion: a.currentVersion,
    content: parseVersionContent(a.currentVersion.content, `version ${a.currentVersion.number} of "${a.slug}"`),
  };
}

const noSuchAssignment = (slug: string) => new HttpError(404, `No assignment "${slug}" in this course.`);

/** For route handlers: the assignment or a 404 that names what was asked for. */
export async function requireStaffAssignment(db: PrismaClient, termId: string, slug: string) {
  const a = await staffAssignment(db, termId, slug);
  if (!a) throw noSuchAssignment(slug);
  return a;
}

/** The assignment's own row (without its version's content), for staff actions that name it by
 *  slug; the same 404 as requireStaffAssignment for a slug that is not (or no longer) there. */
export async function requireStaffAssignmentRow(db: PrismaClient, termId: string, slug: string) {
  const a = await db.assignment.findUnique({ where: { termId_slug: { termId, slug } } });
  if (!a || a.hidden || !a.currentVersionId) throw noSuchAssignment(slug);
  return { ...a, currentVersionId: a.currentVersionId };
}

/** Counts of each proof question's final submissions (each student's latest, lib/grades), graded and not. */
export async function proofCounts(db: PrismaClient, termId: string) {
  const subs = await db.submission.findMany({
    where: { kind: "SUBMIT", assignment: { termId }, question: { type: "PROOF" }, user: { enrollments: { some: { termId, role: "STUDENT" } } } },
    select: { assignmentId: true, questionKey: true, userId: true, kind: true, createdAt: true, manualGrading: { select: { id: true } } },
  });
  const out = new Map<string, { assignmentId: string; questionKey: string; total: number; graded: number }>();
  for (const mine of groupBy(subs, (s) => `${s.assignmentId}:${s.questionKey}:${s.userId}`).values()) {
    const last = latestSubmitted(mine)!;
    const k = `${last.assignmentId}:${last.questionKey}`;
    const entry = out.get(k) ?? { assignmentId: last.assignmentId, questionKey: last.questionKey, total: 0, graded: 0 };
    entry.total++;
    if (last.manualGrading) entry.graded++;
    out.set(k, entry);
  }
  return out;
}
