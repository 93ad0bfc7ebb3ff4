// What start-up and the seed command share: migrate, sync the course folders (COURSE_DIRS), and
// (when asked) the demo people in the demo course's current term.
import { migrateDatabase } from "@/lib/db/maintenance";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ensureCourse } from "@/lib/courses/ensure-course";
import { currentTerm } from "@/lib/courses/current-term";
import { courseDirs, syncCourseDirs, type CourseSyncReport } from "@/lib/courses/sync-course";
import { demoPassword, seedDemoPeople } from "@/lib/demo/people";
import { seedDemoActivity } from "@/lib/demo/activity";

export { formatCourseSync, formatSync } from "@/lib/courses/sync-course";

export async function syncAllCourses(dirs = courseDirs()): Promise<CourseSyncReport[]> {
  return syncCourseDirs(await getDb(), dirs);
}

export type PrepareResult = { migrations: string[]; sync: CourseSyncReport[]; demoSeeded: boolean; demoPassword?: string };

export async function prepareDatabase(options: { demo: "always" | "if-empty" | "never" }): Promise<PrepareResult> {
  const migrations = await migrateDatabase();
  const sync = await syncAllCourses();
  const db = await getDb();
  const wantDemo = options.demo === "always" || (options.demo === "if-empty" && (await db.user.count()) === 0);
  if (!wantDemo) return { migrations, sync, demoSeeded: false };
  const password = demoPassword();
  const course = await ensureCourse(db, getEnv().COURSE_SLUG);
  const term = (await currentTerm(db, course.id))!;
  await seedDemoPeople(db, term.id, password);
  await seedDemoActivity(db, term.id);
  return { migrations, sync, demoSeeded: true, demoPassword: password };
}
