// npm run term:add -- --course C --term 2027-spring --starts 2027-02-20 [--ends 2027-07-10] [--title "Spring 2027"]
// A site admin's command: a new, empty term of an existing course (sync then fills its assignments;
// to start from last term's dates instead, use term:copy).
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb, getDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/maintenance";
import { createTerm } from "@/lib/courses/terms";
import { courseSlug, termSlug } from "@/lib/courses/slugs";
import { exitWithError } from "./lib/fatal";

const USAGE = 'Usage: npm run term:add -- --course ml-theory --term 2027-spring --starts 2027-02-20 [--ends 2027-07-10] [--title "Spring 2027"]';

const args = z.object({
  course: courseSlug,
  term: termSlug,
  title: z.string().trim().min(1).max(100).optional(),
  starts: z.coerce.date({ error: "--starts must be a date such as 2027-02-20" }),
  ends: z.coerce.date({ error: "--ends must be a date such as 2027-07-10" }).optional(),
});

try {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      options: { course: { type: "string" }, term: { type: "string" }, title: { type: "string" }, starts: { type: "string" }, ends: { type: "string" } },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const parsed = args.safeParse(values);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n")}\n${USAGE}`);
    process.exit(2);
  }
  const a = parsed.data;
  await migrateDatabase();
  const db = await getDb();
  const course = await db.course.findUnique({ where: { slug: a.course } });
  if (!course) {
    console.error(`No course "${a.course}"; sync its folder first (npm run courses:sync -- --dir <folder>).`);
    process.exit(1);
  }
  const term = await createTerm(db, { courseId: course.id, slug: a.term, title: a.title, startsAt: a.starts, endsAt: a.ends ?? null });
  console.log(`${a.course}/${term.slug} ("${term.title}") created; run npm run courses:sync to give it its assignments.`);
  await closeDb();
} catch (error) {
  exitWithError(error);
}
