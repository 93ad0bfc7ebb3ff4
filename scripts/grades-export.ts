// npm run --silent grades:export -- --course <course-slug> [--term <term>] --format canvas|long [--assignment <slug>] [--include-unreleased]
// Writes the grades of one term of a course (default: its current term, lib/courses/current-term.ts) as CSV to stdout (the same code as the staff download). A Canvas
// export whose assignment titles Canvas would drop is refused on stderr with exit status 2.
// --check <file> instead checks a CSV file against the Canvas import rules (exit 1 on problems).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb, getDb } from "@/lib/db";
import { EXPORT_FORMATS, exportGrades } from "@/lib/export/gradebook-csv";
import { HttpError } from "@/lib/http/http-error";
import { checkCanvasCsv } from "@/lib/export/canvas-check";
import { findTerm } from "@/lib/courses/current-term";
import { termSlug } from "@/lib/courses/slugs";
import { exitWithError } from "./lib/fatal";

const USAGE =
  "usage: npm run --silent grades:export -- --course <course-slug> [--term <term>] --format canvas|long [--assignment <slug>] [--include-unreleased]\n       npm run --silent grades:export -- --check <file.csv>";

const argsSchema = z.object({
  course: z.string({ error: "--course <course-slug> is required" }).regex(/^[a-z0-9-]+$/, "--course must be a course slug such as ml-theory"),
  term: termSlug.optional(),
  format: z.enum(EXPORT_FORMATS, { error: "--format must be canvas or long" }),
  assignment: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "--assignment must be an assignment slug such as xor-ln-net")
    .optional(),
});

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main() {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      options: {
        course: { type: "string" },
        term: { type: "string" },
        format: { type: "string" },
        assignment: { type: "string" },
        check: { type: "string" },
        "include-unreleased": { type: "boolean" },
      },
    }).values;
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 64);
  }
  const includeUnreleased = values["include-unreleased"] === true;
  delete values["include-unreleased"];
  if (typeof values.check === "string") {
    const text = values.check === "-" ? readFileSync(0, "utf8") : readFileSync(values.check, "utf8");
    const problems = checkCanvasCsv(text);
    if (problems.length) fail(`Canvas would not accept ${values.check}:\n${problems.map((p) => `  ${p}`).join("\n")}`, 1);
    process.stderr.write(`${values.check}: accepted by the Canvas rules\n`);
    return;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    fail(`${parsed.error.issues[0]?.message ?? "bad arguments"}\n${USAGE}`, 64);
  }
  const args = parsed.data;
  const db = await getDb();
  try {
    const course = await db.course.findUnique({ where: { slug: args.course } });
    if (!course) fail(`No course "${args.course}" in this database; check --course (and DATABASE_URL).`, 1);
    const term = await findTerm(db, course.id, args.term);
    if (!term) {
      const terms = await db.term.findMany({ where: { courseId: course.id }, orderBy: { startsAt: "desc" }, select: { slug: true } });
      fail(`No term "${args.term}" in ${args.course}; its terms: ${terms.map((t) => t.slug).join(", ") || "none"}.`, 1);
    }
    const csv = await exportGrades(db, { termId: term.id, format: args.format, assignmentSlug: args.assignment, includeUnreleased });
    await new Promise<void>((resolve, reject) => process.stdout.write(csv, (e) => (e ? reject(e) : resolve())));
  } catch (error) {
    if (error instanceof HttpError) {
      await closeDb();
      fail(error.message, 2);
    }
    throw error;
  } finally {
    await closeDb();
  }
}

main().catch(exitWithError);
