// Course-level queries for pages: what a user is enrolled in, a course's visible assignments, its roster.
import "server-only";
import { getDb } from "@/lib/db";
import { isReleasedTo } from "@/lib/grades/release";
import { pickCurrentTerm } from "@/lib/courses/current-term";

/**
 * Every term a person is enrolled in (not dropped), with its course and their role: terms that are
 * their course's current term first, then the newest; within that, by course title.
 */
export async function coursesOf(userId: string, now = new Date()) {
  const db = await getDb();
  const rows = await db.enrollment.findMany({
    where: { userId, droppedAt: null },
    include: { term: { include: { course: { include: { terms: true } }, _count: { select: { assignments: { where: { hidden: false } } } } } } },
  });
  const current = (r: (typeof rows)[number]) => pickCurrentTerm(r.term.course.terms, now)?.id === r.term.id;
  return rows
    .map((r) => ({ ...r, isCurrent: current(r) }))
    .sort(
      (a, b) =>
        Number(b.isCurrent) - Number(a.isCurrent) ||
        b.term.startsAt.getTime() - a.term.startsAt.getTime() ||
        a.term.course.title.localeCompare(b.term.course.title),
    );
}

/** Assignments students may see now (released), or all of them for staff. */
export async function courseAssignments(termId: string, isStaff: boolean, now = new Date()) {
  const db = await getDb();
  const rows = await db.assignment.findMany({
    where: { termId, hidden: false },
    orderBy: [{ position: "asc" }, { dueAt: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      titleZh: true,
      summary: true,
      summaryZh: true,
      releaseAt: true,
      dueAt: true,
      lateUntil: true,
      latePenalty: true,
      challenge: true,
      hidden: true,
    },
  });
  return rows.filter((a) => isReleasedTo(a, { isStaff }, now));
}

export async function courseRoster(termId: string) {
  const db = await getDb();
  return db.enrollment.findMany({
    where: { termId },
    include: { user: { select: { id: true, email: true, name: true, studentId: true } } },
    orderBy: [{ role: "desc" }, { section: "asc" }, { user: { name: "asc" } }],
  });
}
