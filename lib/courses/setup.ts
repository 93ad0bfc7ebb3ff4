// What start-up and the seed command share: migrate, make sure the course exists, sync the
// assignment folders, and (when asked) the demo people.
import path from "node:path";
import { migrateDatabase } from "@/lib/db/maintenance";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { loadAllAssignments } from "@/lib/assignments/load";
import { syncAssignments, type SyncOutcome } from "@/lib/assignments/sync";
import { questionPoints } from "@/lib/assignments/points";
import { ensureCourse } from "@/lib/courses/ensure-course";
import { readCourseSettings, writeCourseSettings } from "@/lib/courses/course-settings";
import { demoPassword, seedDemoPeople } from "@/lib/demo/people";
import { seedDemoActivity } from "@/lib/demo/activity";

export function formatSync(outcomes: SyncOutcome[]): string {
  return outcomes
    .map((o) => {
      const head = `  ${o.slug}: ${o.action}${o.version ? ` (version ${o.version})` : ""}`;
      const problems = (o.problems ?? []).map((p) => `      ${p.file}${p.path ? ` at ${p.path}` : ""}: ${p.message}`);
      return [head, ...problems].join("\n");
    })
    .join("\n");
}

export async function syncCourseAssignments(courseSlug = getEnv().COURSE_SLUG): Promise<SyncOutcome[]> {
  const db = await getDb();
  const course = await ensureCourse(db, courseSlug);
  const dir = path.resolve(getEnv().ASSIGNMENTS_DIR);
  await writeCourseSettings(db, course.id, await readCourseSettings(dir));
  const results = await loadAllAssignments(dir);
  return syncAssignments(db, course.id, results, questionPoints);
}

export type PrepareResult = { migrations: string[]; sync: SyncOutcome[]; demoSeeded: boolean; demoPassword?: string };

export async function prepareDatabase(options: { demo: "always" | "if-empty" | "never" }): Promise<PrepareResult> {
  const migrations = await migrateDatabase();
  const sync = await syncCourseAssignments();
  const db = await getDb();
  const wantDemo = options.demo === "always" || (options.demo === "if-empty" && (await db.user.count()) === 0);
  if (!wantDemo) return { migrations, sync, demoSeeded: false };
  const password = demoPassword();
  const course = await ensureCourse(db, getEnv().COURSE_SLUG);
  await seedDemoPeople(db, course.id, password);
  await seedDemoActivity(db, course.id);
  return { migrations, sync, demoSeeded: true, demoPassword: password };
}
