// npm run term:add -- --course C --term 2027-spring --starts 2027-02-20 [--ends 2027-07-10] [--title "Spring 2027"]
// A site admin's command: a new, empty term of an existing course (sync then fills its assignments;
// to start from last term's dates instead, use term:copy).
import { z } from "zod";
import { closeDb, getDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/maintenance";
import { createTerm } from "@/lib/courses/terms";
import { courseSlug, termSlug } from "@/lib/courses/slugs";
import { exitWithError } from "./lib/fatal";
import { parseCliArgs, requireCourseBySlug } from "./lib/cli-args";

const USAGE = 'Usage: npm run term:add -- --course ml-theory --term 2027-spring --starts 2027-02-20 [--ends 2027-07-10] [--title "Spring 2027"]';

const args = z.object({
  course: courseSlug,
  term: termSlug,
  title: z.string().trim().min(1).max(100).optional(),
  starts: z.coerce.date({ error: "--starts must be a date such as 2027-02-20" }),
  ends: z.coerce.date({ error: "--ends must be a date such as 2027-07-10" }).optional(),
});

try {
  const a = parseCliArgs(
    args,
    { course: { type: "string" }, term: { type: "string" }, title: { type: "string" }, starts: { type: "string" }, ends: { type: "string" } },
    USAGE,
  );
  await migrateDatabase();
  const db = await getDb();
  const course = await requireCourseBySlug(db, a.course, "sync its folder first (npm run courses:sync -- --dir <folder>).");
  const term = await createTerm(db, { courseId: course.id, slug: a.term, title: a.title, startsAt: a.starts, endsAt: a.ends ?? null });
  console.log(`${a.course}/${term.slug} ("${term.title}") created; run npm run courses:sync to give it its assignments.`);
  await closeDb();
} catch (error) {
  exitWithError(error);
}
