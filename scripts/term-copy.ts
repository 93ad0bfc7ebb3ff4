// npm run term:copy -- --course C --from T1 --to T2 [--shift-days N | --starts DATE] [--title "Spring 2027"]
// Copies a term's assignments (current content, rubric, dates shifted) into a new term; never its
// people or their work. The new term's roster starts empty (user:add --term, or roster import).
import { z } from "zod";
import { closeDb, getDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/maintenance";
import { copyTerm } from "@/lib/courses/terms";
import { courseSlug, termSlug } from "@/lib/courses/slugs";
import { exitWithError } from "./lib/fatal";
import { parseCliArgs, requireCourseBySlug } from "./lib/cli-args";

const USAGE =
  'Usage: npm run term:copy -- --course ml-theory --from 2026-autumn --to 2027-spring (--shift-days 182 | --starts 2027-02-20) [--title "Spring 2027"]';

const args = z
  .object({
    course: courseSlug,
    from: termSlug,
    to: termSlug,
    title: z.string().trim().min(1).max(100).optional(),
    "shift-days": z.coerce.number().int("--shift-days must be a whole number of days").optional(),
    starts: z.coerce.date({ error: "--starts must be a date such as 2027-02-20" }).optional(),
  })
  .refine((a) => (a["shift-days"] === undefined) !== (a.starts === undefined), { message: "give exactly one of --shift-days or --starts" });

try {
  const a = parseCliArgs(
    args,
    {
      course: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      title: { type: "string" },
      "shift-days": { type: "string" },
      starts: { type: "string" },
    },
    USAGE,
  );
  await migrateDatabase();
  const db = await getDb();
  const course = await requireCourseBySlug(db, a.course, "check --course.");
  const r = await copyTerm(db, { courseId: course.id, from: a.from, to: a.to, title: a.title, shiftDays: a["shift-days"], startsAt: a.starts });
  console.log(
    `${a.course}/${r.term.slug} ("${r.term.title}", starts ${r.term.startsAt.toISOString()}): ${r.assignments} assignments copied from ${a.from}, dates shifted by ${r.shiftDays} days.`,
  );
  await closeDb();
} catch (error) {
  exitWithError(error);
}
