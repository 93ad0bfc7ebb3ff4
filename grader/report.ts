// The grade report (the CLI's JSON contract) and its student-facing redaction.
import type { TestRecord, Visibility } from "./testing";

export type TestStatus = "passed" | "failed" | "error" | "timeout" | "memory";
/** "error": grading this code failed on our side of the code (the compiler crashed, or it took too long to compile); never the student's compile error. */
export type GradeStatus = "graded" | "compile_error" | "rejected" | "error";

export interface TestResult {
  name: string;
  score: number;
  maxScore: number;
  status: TestStatus;
  visibility: Visibility;
  message?: string;
  /** Figures the test recorded (see TestSpec.run); gathered into GradeReport.records. */
  record?: TestRecord;
}

export interface GradeTiming {
  /** Wait for a free grader process. */
  queueMs?: number;
  /** Transpiling the submission and loading it into a fresh isolate. */
  compileMs?: number;
  /** Running the tests. */
  testsMs?: number;
  /** From the start of grading in a grader process to the report. */
  totalMs: number;
  /** Seen by the pool: from handing the job to a grader process to receiving its report. */
  wallMs?: number;
}

export interface GradeReport {
  score: number;
  maxScore: number;
  status: GradeStatus;
  tests: TestResult[];
  /** The student's console output (capped), or a compiler/refusal message. */
  output?: string;
  timing?: GradeTiming;
  /** Figures recorded by tests (server-side use: leaderboards, plots); never in a student's view. */
  records?: TestRecord;
  /** The seed the tests drew their random inputs from (hex); grading again with it gives the same inputs. */
  seed?: string;
}

export interface RedactOptions {
  /** The due date has passed (after_due tests become visible). */
  duePassed: boolean;
  /** Grades were published (after_published tests become visible). */
  published?: boolean;
}

/** Whether a student may see this test's details (message) now. */
export function detailsVisible(v: Visibility, o: RedactOptions): boolean {
  if (v === "visible") return true;
  if (v === "after_due") return o.duePassed;
  if (v === "after_published") return o.published === true;
  return false;
}

/**
 * The report as a student may see it: tests whose details are not visible keep only their name,
 * points and outcome (never a message, which may quote inputs or expected values).
 */
export function redactReport(report: GradeReport, o: RedactOptions): GradeReport {
  const tests = report.tests.map((t): TestResult => {
    if (detailsVisible(t.visibility, o)) return { ...t };
    return { name: t.name, score: t.score, maxScore: t.maxScore, status: t.status, visibility: t.visibility };
  });
  const out: GradeReport = { score: report.score, maxScore: report.maxScore, status: report.status, tests };
  if (report.output !== undefined) out.output = report.output;
  return out;
}

/** Rounds to 1e-9 so sums of fractional scores print cleanly. */
export function roundScore(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export function summarize(status: GradeStatus, tests: TestResult[], extra: { output?: string; timing?: GradeTiming; seed?: string } = {}): GradeReport {
  const records: TestRecord = {};
  const plain = tests.map((t) => {
    if (!t.record) return t;
    for (const [k, v] of Object.entries(t.record)) {
      const prev = records[k];
      records[k] = typeof prev === "number" && typeof v === "number" ? prev + v : v;
    }
    const { record: _record, ...rest } = t;
    return rest;
  });
  const report: GradeReport = {
    score: roundScore(plain.reduce((s, t) => s + t.score, 0)),
    maxScore: roundScore(plain.reduce((s, t) => s + t.maxScore, 0)),
    status,
    tests: plain,
  };
  if (Object.keys(records).length) report.records = records;
  if (extra.output) report.output = extra.output;
  if (extra.timing) report.timing = extra.timing;
  if (extra.seed) report.seed = extra.seed;
  return report;
}
