// A course with the real assignments synced in and a few people, for pipeline tests.
import { getDb } from "@/lib/db";
import { loadAllAssignments } from "@/lib/assignments/load";
import { syncAssignments } from "@/lib/assignments/sync";
import { questionPoints } from "@/lib/assignments/points";

export async function seedCourse(slugs: string[], students = 3) {
  const db = await getDb();
  const course = await db.course.create({ data: { slug: "ml-theory", title: "ML theory" } });
  const results = (await loadAllAssignments("assignments")).filter((r) => slugs.includes(r.slug));
  await syncAssignments(db, course.id, results, questionPoints);
  const people: { id: string; email: string }[] = [];
  for (let i = 0; i < students; i++) {
    const u = await db.user.create({ data: { email: `s${i}@x.test`, name: `Student ${i}` } });
    await db.enrollment.create({ data: { userId: u.id, courseId: course.id, role: "STUDENT", section: i % 2 ? "B" : "A" } });
    people.push(u);
  }
  const ta = await db.user.create({ data: { email: "ta@x.test", name: "TA" } });
  await db.enrollment.create({ data: { userId: ta.id, courseId: course.id, role: "TA" } });
  return { db, course, students: people, ta };
}
