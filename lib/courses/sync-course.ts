// Syncs course folders: each folder's course.yaml makes (or updates) its course, and its assignment
// folders are written as versions into every term of that course that has not ended (ended terms
// stay frozen: readable and exportable, never rewritten). A folder without course.yaml is synced,
// as before terms, into COURSE_SLUG. One invalid or unreadable course is reported and never stops
// the others.
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadAllAssignments, type Problem } from "@/lib/assignments/load";
import { syncAssignments, type PointsOf, type SyncOutcome } from "@/lib/assignments/sync";
import { questionPoints } from "@/lib/assignments/points";
import { hasCourseFile, loadCourseFolder, type DateOverride } from "@/lib/courses/course-folder";
import { ensureCourse, type CourseMeta } from "@/lib/courses/ensure-course";
import { hasEnded } from "@/lib/courses/current-term";
import { getEnv } from "@/lib/env";
import { courseSettingsOf } from "@/lib/courses/course-settings";

export type CourseSyncReport = {
  dir: string;
  course: string | null;
  ok: boolean;
  problems: Problem[];
  terms: { term: string; outcomes: SyncOutcome[] }[];
};

/** COURSE_DIRS, else ASSIGNMENTS_DIR: the folders start-up and assignments:sync read. */
export function courseDirs(): string[] {
  const env = getEnv();
  return (env.COURSE_DIRS ?? env.ASSIGNMENTS_DIR)
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);
}

export async function syncCourseDir(
  db: PrismaClient,
  dir: string,
  options: { fallbackSlug?: string; pointsOf?: PointsOf; now?: Date; taken?: Set<string> } = {},
): Promise<CourseSyncReport> {
  const abs = path.resolve(dir);
  const fail = (problems: Problem[], course: string | null = null): CourseSyncReport => ({ dir, course, ok: false, problems, terms: [] });
  let slug = options.fallbackSlug ?? getEnv().COURSE_SLUG;
  let meta: CourseMeta | undefined;
  let termDates = new Map<string, Map<string, DateOverride>>();
  if (await hasCourseFile(abs)) {
    const folder = await loadCourseFolder(abs);
    if (!folder.ok) return fail(folder.problems);
    const c = folder.course;
    slug = c.slug;
    meta = {
      title: c.title,
      titleZh: c.titleZh ?? null,
      languages: c.languages.join(","),
      timezone: c.timezone,
      contentDir: abs,
      ...courseSettingsOf(c.lateDays),
    };
    termDates = folder.termDates;
  }
  if (options.taken?.has(slug))
    return fail([{ file: "course.yaml", path: "slug", message: `course "${slug}" is already synced from another folder in this run` }], slug);
  options.taken?.add(slug);
  const results = await loadAllAssignments(abs);
  const now = options.now ?? new Date();
  const course = await ensureCourse(db, slug, meta, now);
  const terms = (await db.term.findMany({ where: { courseId: course.id }, orderBy: { startsAt: "asc" } })).filter((t) => !hasEnded(t, now));
  const report: CourseSyncReport = { dir, course: slug, ok: true, problems: [], terms: [] };
  for (const t of terms) {
    const outcomes = await syncAssignments(db, t.id, results, options.pointsOf ?? questionPoints, termDates.get(t.slug));
    report.terms.push({ term: t.slug, outcomes });
    if (outcomes.some((o) => o.action === "invalid")) report.ok = false;
  }
  for (const term of termDates.keys()) {
    if (!terms.some((t) => t.slug === term))
      report.problems.push({ file: `terms/${term}.yaml`, path: "", message: `no open term "${term}" in ${slug}; its dates were not used` });
  }
  return report;
}

/** Every folder, each on its own: a broken one (even an unreadable path) is a report, not a throw. */
export async function syncCourseDirs(db: PrismaClient, dirs: string[], options: { pointsOf?: PointsOf; now?: Date } = {}): Promise<CourseSyncReport[]> {
  const taken = new Set<string>();
  const reports: CourseSyncReport[] = [];
  for (const dir of dirs) {
    try {
      reports.push(await syncCourseDir(db, dir, { ...options, taken }));
    } catch (error) {
      console.error(`course folder ${dir}: sync failed`, error);
      reports.push({
        dir,
        course: null,
        ok: false,
        problems: [{ file: dir, path: "", message: error instanceof Error ? error.message : String(error) }],
        terms: [],
      });
    }
  }
  return reports;
}

export function formatSync(outcomes: SyncOutcome[], indent = "  "): string {
  return outcomes
    .map((o) => {
      const head = `${indent}${o.slug}: ${o.action}${o.version ? ` (version ${o.version})` : ""}`;
      const problems = (o.problems ?? []).map((p) => `${indent}    ${p.file}${p.path ? ` at ${p.path}` : ""}: ${p.message}`);
      return [head, ...problems].join("\n");
    })
    .join("\n");
}

export function formatCourseSync(reports: CourseSyncReport[]): string {
  return reports
    .map((r) => {
      const head = `${r.dir}: ${r.course ? `course ${r.course}` : "not synced"}${r.ok ? "" : " (problems)"}`;
      const problems = r.problems.map((p) => `    ${p.file}${p.path ? ` at ${p.path}` : ""}: ${p.message}`);
      const terms = r.terms.map((t) => `  term ${t.term}:\n${formatSync(t.outcomes, "    ")}`);
      return [head, ...problems, ...terms].join("\n");
    })
    .join("\n");
}
