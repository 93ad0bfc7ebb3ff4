// npm run assignments:sync — writes assignment folders into the database (idempotent).
import { closeDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/maintenance";
import { formatSync, syncCourseAssignments } from "@/lib/courses/setup";
import { exitWithError } from "./lib/fatal";

try {
  await migrateDatabase();
  const outcomes = await syncCourseAssignments();
  console.log(formatSync(outcomes));
  await closeDb();
  if (outcomes.some((o) => o.action === "invalid")) process.exit(1);
} catch (error) {
  exitWithError(error);
}
