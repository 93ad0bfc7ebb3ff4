// npm run --silent courses:sync -- --dir <folder> [--dir <folder> ...] — validates each course folder
// (course.yaml, terms/<term>.yaml and every assignment, problems per file and field) and writes its
// versions into the course's terms that have not ended. Without --dir: COURSE_DIRS. A course with
// problems is reported and the others are still synced; the exit status is then 1.
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/maintenance";
import { formatCourseSync, syncAllCourses } from "@/lib/courses/setup";
import { courseDirs } from "@/lib/courses/sync-course";
import { exitWithError } from "./lib/fatal";

const USAGE = "Usage: npm run --silent courses:sync -- --dir <course folder> [--dir <another>]";

let dirs: string[];
try {
  const { values } = parseArgs({ options: { dir: { type: "string", multiple: true } } });
  dirs = values.dir?.length ? values.dir : courseDirs();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}

try {
  await migrateDatabase();
  const reports = await syncAllCourses(dirs);
  console.log(formatCourseSync(reports));
  await closeDb();
  if (reports.some((r) => !r.ok)) process.exit(1);
} catch (error) {
  exitWithError(error);
}
