// Checks a CSV against the rules of Canvas's gradebook import as we rely on them: the five fixed
// columns, "<title> (<id>)" assignment columns no title of which Canvas drops, a Points Possible
// row, and scores that are empty or plain decimals with at most 2 decimals. Returns the problems
// (empty = accepted); used by the tests and by `grades:export --check`.
import { parse } from "csv-parse/sync";
import { CANVAS_FIXED_COLUMNS, droppedPhrase } from "@/lib/export/gradebook-csv";

const SCORE = /^-?\d+(\.\d{1,2})?$/;

export function checkCanvasCsv(text: string): string[] {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, bom: true }) as string[][];
  } catch (error) {
    return [`not valid CSV: ${error instanceof Error ? error.message : String(error)}`];
  }
  const problems: string[] = [];
  const header = records[0];
  if (!header) return ["the file is empty"];
  CANVAS_FIXED_COLUMNS.forEach((name, i) => {
    if (header[i] !== name) problems.push(`column ${i + 1} of the header is "${header[i] ?? ""}", expected "${name}"`);
  });
  const assignmentColumns = header.slice(CANVAS_FIXED_COLUMNS.length);
  const seen = new Set<string>();
  for (const title of assignmentColumns) {
    if (!/^.+ \([^()]+\)$/.test(title)) problems.push(`assignment column "${title}" does not end with " (<id>)"`);
    const phrase = droppedPhrase(title);
    if (phrase) problems.push(`assignment column "${title}" contains "${phrase}": Canvas would drop it`);
    if (seen.has(title)) problems.push(`assignment column "${title}" appears twice`);
    seen.add(title);
  }
  const points = records[1];
  if (!points || points[0]?.trim() !== "Points Possible") problems.push(`the second row must start with "Points Possible"`);
  records.forEach((row, r) => {
    if (row.length !== header.length) problems.push(`row ${r + 1} has ${row.length} fields, the header has ${header.length}`);
    if (r === 0) return;
    row.slice(CANVAS_FIXED_COLUMNS.length).forEach((cell, c) => {
      const empty = cell === "";
      if (r === 1 && empty) problems.push(`Points Possible of "${assignmentColumns[c]}" is empty`);
      if (!empty && !SCORE.test(cell)) problems.push(`row ${r + 1}, "${assignmentColumns[c] ?? c}": "${cell}" is not a plain decimal with at most 2 decimals`);
    });
    if (r > 1 && !row[2] && !row[3] && !row[1]) problems.push(`row ${r + 1} has no ID, SIS User ID or SIS Login ID to match a student`);
  });
  return problems;
}
