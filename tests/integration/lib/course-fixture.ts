// A course (with one term, 2026-autumn) with the real assignments synced in and a few people, for
// pipeline tests.
import { getDb } from "@/lib/db";
import { loadAllAssignments } from "@/lib/assignments/load";
import { syncAssignments } from "@/lib/assignments/sync";
import { questionPoints } from "@/lib/assignments/points";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** A course and its first term (started a year ago, no end: the current term). */
export async function createCourseWithTerm(db: PrismaClient, slug = "ml-theory", title = "ML theory", termSlug = "2026-autumn") {
  const course = await db.course.create({ data: { slug, title } });
  const term = await db.term.create({ data: { courseId: course.id, slug: termSlug, title: termSlug, startsAt: new Date(Date.now() - 365 * 86_400_000) } });
  return { course, term };
}

export async function seedCourse(slugs: string[], students = 3) {
  const db = await getDb();
  const { course, term } = await createCourseWithTerm(db);
  const results = (await loadAllAssignments("assignments")).filter((r) => slugs.includes(r.slug));
  await syncAssignments(db, term.id, results, questionPoints);
  const people: { id: string; email: string }[] = [];
  for (let i = 0; i < students; i++) {
    const u = await db.user.create({ data: { email: `s${i}@x.test`, name: `Student ${i}` } });
    await db.enrollment.create({ data: { userId: u.id, termId: term.id, role: "STUDENT", section: i % 2 ? "B" : "A" } });
    people.push(u);
  }
  const ta = await db.user.create({ data: { email: "ta@x.test", name: "TA" } });
  await db.enrollment.create({ data: { userId: ta.id, termId: term.id, role: "TA" } });
  return { db, course, term, students: people, ta };
}
