// npm run assignments:sync — syncs the course folders of COURSE_DIRS (default: assignments) into the
// database (idempotent); the same as npm run courses:sync without --dir. Exit 1 if any had problems.
import { closeDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/maintenance";
import { formatCourseSync, syncAllCourses } from "@/lib/courses/setup";
import { exitWithError } from "./lib/fatal";

try {
  await migrateDatabase();
  const reports = await syncAllCourses();
  console.log(formatCourseSync(reports));
  await closeDb();
  if (reports.some((r) => !r.ok)) process.exit(1);
} catch (error) {
  exitWithError(error);
}
