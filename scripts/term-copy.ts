// npm run term:copy -- --course C --from T1 --to T2 [--shift-days N | --starts DATE] [--title "Spring 2027"]
// Copies a term's assignments (current content, rubric, dates shifted) into a new term; never its
// people or their work. The new term's roster starts empty (user:add --term, or roster import).
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb, getDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/maintenance";
import { copyTerm } from "@/lib/courses/terms";
import { courseSlug, termSlug } from "@/lib/courses/slugs";
import { exitWithError } from "./lib/fatal";

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
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      options: {
        course: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        title: { type: "string" },
        "shift-days": { type: "string" },
        starts: { type: "string" },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const parsed = args.safeParse(values);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => `${i.path.length ? `--${i.path.join(".")}: ` : ""}${i.message}`).join("\n")}\n${USAGE}`);
    process.exit(2);
  }
  const a = parsed.data;
  await migrateDatabase();
  const db = await getDb();
  const course = await db.course.findUnique({ where: { slug: a.course } });
  if (!course) {
    console.error(`No course "${a.course}"; check --course.`);
    process.exit(1);
  }
  const r = await copyTerm(db, { courseId: course.id, from: a.from, to: a.to, title: a.title, shiftDays: a["shift-days"], startsAt: a.starts });
  console.log(
    `${a.course}/${r.term.slug} ("${r.term.title}", starts ${r.term.startsAt.toISOString()}): ${r.assignments} assignments copied from ${a.from}, dates shifted by ${r.shiftDays} days.`,
  );
  await closeDb();
} catch (error) {
  exitWithError(error);
}
