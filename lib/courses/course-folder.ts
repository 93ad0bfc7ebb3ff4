// Reads a course folder: course.yaml (the catalog entry) and terms/<term>.yaml (that term's dates
// per assignment), validated with zod; problems are reported per file and field like
// assignments:check, never thrown. The assignment folders beside them are read by lib/assignments/load.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { z } from "zod";
import { TERMS_DIR, type Problem } from "@/lib/assignments/load";
import { courseSlug, TERM_SLUG_RE } from "@/lib/courses/slugs";
import { lateDaysSchema } from "@/lib/courses/course-settings";

export const COURSE_FILE = "course.yaml";

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const courseFileSchema = z
  .object({
    slug: courseSlug,
    title: z.string().trim().min(1, "is required").max(200),
    titleZh: z.string().trim().min(1).max(200).optional(),
    languages: z.array(z.enum(["en", "zh"], { error: "must be en or zh" })).min(1, "name at least one language, such as [en, zh]"),
    timezone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Shanghai or Europe/Berlin"),
    /** The late-day budget per student (lib/grades/late-days.ts); none: no late days. */
    lateDays: lateDaysSchema.optional(),
  })
  .strict();
export type CourseFile = z.infer<typeof courseFileSchema>;

const date = z
  .string({ error: "must be a date such as 2027-03-15T23:59:00Z" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, "must be a date with time and zone, such as 2027-03-15T23:59:00Z")
  .transform((s) => new Date(s))
  .refine((d) => !Number.isNaN(d.getTime()), "is not a real date");

const datesSchema = z
  .object({ releaseAt: date.optional(), dueAt: date.optional(), lateUntil: date.nullable().optional() })
  .strict()
  .refine((d) => !d.releaseAt || !d.dueAt || d.dueAt >= d.releaseAt, { message: "is before releaseAt", path: ["dueAt"] })
  .refine((d) => !d.dueAt || !d.lateUntil || d.lateUntil >= d.dueAt, { message: "is before dueAt", path: ["lateUntil"] });
export type DateOverride = z.infer<typeof datesSchema>;

export const termFileSchema = z.object({ assignments: z.record(z.string(), datesSchema).default({}) }).strict();

export type CourseFolder =
  { ok: true; dir: string; course: CourseFile; termDates: Map<string, Map<string, DateOverride>> } | { ok: false; dir: string; problems: Problem[] };

async function readYaml(file: string, label: string, problems: Problem[]): Promise<unknown> {
  const doc = parseDocument(await readFile(file, "utf8"), { prettyErrors: true });
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push({ file: label, path: "", message: `YAML syntax: ${e.message.split("\n")[0]}` });
    return undefined;
  }
  return doc.toJS();
}

function collect(problems: Problem[], label: string, issues: z.core.$ZodIssue[]) {
  for (const i of issues) problems.push({ file: label, path: i.path.join("."), message: i.message });
}

/** Whether `dir` is a course folder (has a course.yaml); one without is synced the old way. */
export async function hasCourseFile(dir: string): Promise<boolean> {
  return readdir(dir).then(
    (names) => names.includes(COURSE_FILE),
    () => false,
  );
}

export async function loadCourseFolder(dir: string): Promise<CourseFolder> {
  const problems: Problem[] = [];
  const raw = await readYaml(path.join(dir, COURSE_FILE), COURSE_FILE, problems).catch(() => {
    problems.push({ file: COURSE_FILE, path: "", message: `missing: a course folder needs a ${COURSE_FILE} (slug, title, languages, timezone)` });
  });
  const parsed = raw === undefined ? null : courseFileSchema.safeParse(raw);
  if (parsed && !parsed.success) collect(problems, COURSE_FILE, parsed.error.issues);

  const termDates = new Map<string, Map<string, DateOverride>>();
  const names = await readdir(path.join(dir, TERMS_DIR)).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith(".yaml")).sort()) {
    const label = `${TERMS_DIR}/${name}`;
    const term = name.slice(0, -".yaml".length);
    if (!TERM_SLUG_RE.test(term)) {
      problems.push({ file: label, path: "", message: "the file name must be a term slug such as 2027-spring.yaml" });
      continue;
    }
    const body = await readYaml(path.join(dir, TERMS_DIR, name), label, problems);
    if (body === undefined) continue;
    const t = termFileSchema.safeParse(body ?? {});
    if (!t.success) collect(problems, label, t.error.issues);
    else termDates.set(term, new Map(Object.entries(t.data.assignments)));
  }
  if (problems.length || !parsed?.success) return { ok: false, dir, problems };
  return { ok: true, dir, course: parsed.data, termDates };
}
