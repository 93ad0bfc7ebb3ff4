// Grade export as CSV, shared by the staff download and `npm run grades:export`:
// - canvas: Canvas's gradebook import format — Student, ID, SIS User ID, SIS Login ID, Section,
//   one "<title> (<slug>)" column per assignment, a "Points Possible" row, one row per student;
//   scores are plain decimals with at most 2 decimals, empty for no submission. ID (Canvas's own
//   user id) is left empty: Canvas then matches rows by SIS User ID (our student id) or SIS Login
//   ID (email). Titles that Canvas's importer silently drops refuse the export instead.
// - long: one row per student × question with the details behind each score.
import { stringify } from "csv-stringify/sync";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { computeGradebook, releasedOnly, type Gradebook } from "@/lib/grades/gradebook";
import { HttpError } from "@/lib/http/http-error";

export const EXPORT_FORMATS = ["canvas", "long"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CANVAS_FIXED_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] as const;
/** Column titles Canvas's importer ignores (its own computed columns). */
export const CANVAS_DROPPED_PHRASES = ["Current Score", "Final Score", "Final Grade", "Current Points", "Final Points", "Unposted"] as const;
export const LONG_COLUMNS = [
  "student id",
  "email",
  "name",
  "section",
  "assignment",
  "question",
  "score",
  "max score",
  "late penalty applied",
  "submitted at",
  "graded at",
  "grader",
  "version",
] as const;

/** A plain decimal with at most 2 decimals and no thousands separators; "" for none. */
export function formatScore(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "";
  const r = Math.round(x * 100) / 100;
  return r === 0 ? "0" : String(r);
}

export function canvasColumnTitle(a: { title: string; slug: string }): string {
  return `${a.title} (${a.slug})`;
}

/** The phrase that makes Canvas drop a column with this title, if any. */
export function droppedPhrase(title: string): string | null {
  const lower = title.toLowerCase();
  return CANVAS_DROPPED_PHRASES.find((p) => lower.includes(p.toLowerCase())) ?? null;
}

export function canvasCsv(book: Gradebook): string {
  const titles = book.assignments.map(canvasColumnTitle);
  const dropped = titles.map((t) => [t, droppedPhrase(t)] as const).filter(([, p]) => p !== null);
  if (dropped.length) {
    const list = dropped.map(([t, p]) => `"${t}" (contains "${p}")`).join(", ");
    // An export that would mislead the LMS is refused with 422 (the CLI prints the message).
    throw new HttpError(
      422,
      `Canvas's importer would silently drop ${dropped.length === 1 ? "this column" : "these columns"}: ${list}. ` +
        `Rename the assignment's title in its assignment.yaml (and sync), or export the other assignments one at a time with --assignment <slug>.`,
    );
  }
  const records: string[][] = [
    [...CANVAS_FIXED_COLUMNS, ...titles],
    ["Points Possible", "", "", "", "", ...book.assignments.map((a) => formatScore(a.points))],
  ];
  for (const row of book.rows) {
    const s = row.student;
    records.push([s.name, "", s.studentId ?? "", s.email, s.section ?? "", ...book.assignments.map((a) => formatScore(row.results.get(a.id)?.total ?? null))]);
  }
  return stringify(records);
}

export function longCsv(book: Gradebook): string {
  const records: string[][] = [[...LONG_COLUMNS]];
  for (const row of book.rows) {
    const s = row.student;
    for (const a of book.assignments) {
      const result = row.results.get(a.id);
      for (const c of result?.cells ?? []) {
        records.push([
          s.studentId ?? "",
          s.email,
          s.name,
          s.section ?? "",
          a.slug,
          c.questionKey,
          formatScore(c.score),
          formatScore(c.points),
          c.score === null || c.override ? "" : formatScore(c.penaltyPoints),
          c.submittedAt?.toISOString() ?? "",
          c.gradedAt?.toISOString() ?? "",
          c.grader ?? "",
          c.versionNumber === null ? "" : String(c.versionNumber),
        ]);
      }
    }
  }
  return stringify(records);
}

/** `includeUnreleased`: also scores students cannot see yet (default: only released ones, as an LMS
 *  should receive them; lib/grades/release). */
export type ExportRequest = {
  termId: string;
  format: ExportFormat;
  assignmentSlug?: string | undefined;
  section?: string | undefined;
  includeUnreleased?: boolean | undefined;
};

export async function exportGrades(db: PrismaClient, req: ExportRequest): Promise<string> {
  const full = await computeGradebook(db, req.termId, { assignmentSlug: req.assignmentSlug, section: req.section });
  const book = req.includeUnreleased ? full : releasedOnly(full);
  if (req.assignmentSlug && book.assignments.length === 0)
    throw new HttpError(422, `No assignment "${req.assignmentSlug}" in this course; check the slug (the folder name under assignments/).`);
  return req.format === "canvas" ? canvasCsv(book) : longCsv(book);
}
