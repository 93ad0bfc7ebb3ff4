// Course-level queries for pages: what a user is enrolled in, a course's visible assignments, its roster.
import "server-only";
import { getDb } from "@/lib/db";
import { isReleasedTo } from "@/lib/grades/release";

export async function coursesOf(userId: string) {
  const db = await getDb();
  return db.enrollment.findMany({
    where: { userId },
    include: { course: { include: { _count: { select: { assignments: { where: { hidden: false } } } } } } },
    orderBy: { course: { title: "asc" } },
  });
}

/** Assignments students may see now (released), or all of them for staff. */
export async function courseAssignments(courseId: string, isStaff: boolean, now = new Date()) {
  const db = await getDb();
  const rows = await db.assignment.findMany({
    where: { courseId, hidden: false },
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

export async function courseRoster(courseId: string) {
  const db = await getDb();
  return db.enrollment.findMany({
    where: { courseId },
    include: { user: { select: { id: true, email: true, name: true, studentId: true } } },
    orderBy: [{ role: "desc" }, { section: "asc" }, { user: { name: "asc" } }],
  });
}
