// Grades one file against an assignment's code question:
//   npm run --silent grade -- --assignment assignments/<slug> --file <path> [--question <id>] [--json]
// Prints exactly one JSON document with --json (student output stays inside it); exit code 0
// whatever the score, non-zero only when the grader itself cannot run.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readCodeQuestion } from "./code-question";
import { createGraderPool } from "./pool";
import { redactReport, type GradeReport } from "./report";

const USAGE =
  "usage: npm run --silent grade -- --assignment assignments/<slug> --file <path> [--question <id>] [--json]\n" +
  "       [--visible-only] [--student-view [--due-passed]] [--timeout-ms N] [--seed HEX]";

/** A grading seed as the report prints it: hex, up to 64 digits. */
const SEED = z.string().regex(/^[0-9a-fA-F]{1,64}$/, '--seed must be hexadecimal (up to 64 digits), e.g. the "seed" of an earlier report');

function table(r: GradeReport): string {
  const rows = r.tests.map((t) => [t.status.toUpperCase(), `${t.score}/${t.maxScore}`, t.visibility, t.name, t.message ?? ""]);
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length), 4));
  const lines = rows.map((row) => {
    const head = row
      .slice(0, 4)
      .map((c, i) => c.padEnd(w[i]!))
      .join("  ");
    return row[4] ? `${head}\n${" ".repeat(w[0]! + 2)}↳ ${row[4]}` : head;
  });
  const out = [`${r.status}: ${r.score} / ${r.maxScore} points`, ...lines];
  if (r.output) out.push("", "--- output ---", r.output.trimEnd());
  if (r.timing) out.push("", `timing: ${JSON.stringify(r.timing)}`);
  return out.join("\n");
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        assignment: { type: "string" },
        file: { type: "string" },
        question: { type: "string" },
        json: { type: "boolean", default: false },
        "visible-only": { type: "boolean", default: false },
        "student-view": { type: "boolean", default: false },
        "due-passed": { type: "boolean", default: false },
        "timeout-ms": { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help || !args.assignment || !args.file) {
    process.stderr.write(`${USAGE}\n`);
    return args.help ? 0 : 2;
  }
  const seed = args.seed === undefined ? undefined : SEED.safeParse(args.seed);
  if (seed && !seed.success) {
    process.stderr.write(`${seed.error.issues[0]?.message}\n${USAGE}\n`);
    return 2;
  }
  const source = readFileSync(args.file, "utf8");
  // Validated with the site's own grading fields: a question the site would refuse fails here too.
  const question = readCodeQuestion(args.assignment, args.question);
  const pool = createGraderPool({ size: 1 });
  try {
    let report = await pool.grade({
      assignmentDir: args.assignment,
      question,
      source,
      include: args["visible-only"] ? "visible" : "all",
      deadlineMs: args["timeout-ms"] ? Number(args["timeout-ms"]) : undefined,
      seed: seed?.data.toLowerCase(),
    });
    if (args["student-view"]) report = redactReport(report, { duePassed: args["due-passed"] });
    // The CLI prints the contract's shape; recorded figures are for the platform's own use.
    delete report.records;
    process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${table(report)}\n`);
    return 0;
  } finally {
    await pool.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`grader: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
