// Runs loaded staff tests against a student handle and turns each outcome into a TestResult.
// Shared by the sandboxed grader and the unsandboxed benchmark floor.
import type { TestResult, TestStatus } from "./report";
import { roundScore } from "./report";
import { createRng, seedFrom } from "./rng";
import { isStudentError, type Student, type StudentErrorKind, type TestContext, type TestRecord, type Visibility } from "./testing";
import type { LoadedTest } from "./test-loader";

/** A Student plus what the runner needs to classify failures. */
export interface StudentSession extends Student {
  /** Called before each test: resets per-test state, mutes console output for non-visible tests. */
  beginTest(visibility: Visibility, deadline: number): void;
  /** Why the current test must fail whatever it caught: a call timed out or memory ran out. */
  fatal(): "timeout" | "memory" | null;
}

export interface RunOptions {
  /** performance.now() value after which no test may start or continue. */
  deadline: number;
  /** This grading's seed (hex): every test's ctx.rng(label) derives from it, its name and the label. */
  seed: string;
  onResult?: (index: number, result: TestResult) => void;
}

/** The context a test of this grading gets; the same seed, test and label always give the same numbers. */
export function testContext(seed: string, testName: string): TestContext {
  return { seed, rng: (label = "") => createRng(seedFrom(seed, testName, label)) };
}

function errorKind(e: unknown): StudentErrorKind | null {
  return isStudentError(e) ? e.kind : null;
}

function messageOf(e: unknown): string {
  if (typeof e === "object" && e !== null) {
    const m = (e as { message?: unknown }).message;
    if (typeof m === "string") return m;
  }
  return String(e);
}

const TIMED_OUT = Symbol("timed out");

/** A test that earned nothing: it timed out (the default), ran out of memory, or could not run. */
export function zeroResult(t: LoadedTest, message: string, status: TestStatus = "timeout"): TestResult {
  return { name: t.name, score: 0, maxScore: t.points, status, visibility: t.visibility, message };
}

export async function runOneTest(t: LoadedTest, student: StudentSession, deadline: number, seed: string): Promise<TestResult> {
  const base = { name: t.name, maxScore: t.points, visibility: t.visibility };
  const left = deadline - performance.now();
  if (left <= 0) return zeroResult(t, "The time limit of this grading ran out before this test started.");
  student.beginTest(t.visibility, deadline);
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      Promise.resolve().then(() => t.run(student, testContext(seed, t.name))),
      new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), left);
      }),
    ]);
    const fatal = student.fatal();
    if (value === TIMED_OUT || fatal === "timeout") return zeroResult(t, "Your code did not finish in time.");
    if (fatal === "memory") return zeroResult(t, "Your code ran out of memory.", "memory");
    let fraction = 1;
    let record: TestRecord | undefined;
    const raw = typeof value === "object" && value !== null ? value.fraction : value;
    if (typeof value === "object" && value !== null && value.record) record = value.record;
    if (typeof raw === "number") fraction = Number.isNaN(raw) ? 0 : Math.min(1, Math.max(0, raw));
    const score = roundScore(fraction * t.points);
    const withRecord = record ? { record } : {};
    if (fraction >= 1) return { ...base, ...withRecord, score, status: "passed" };
    return { ...base, ...withRecord, score, status: "failed", message: `Partial credit: ${Math.round(fraction * 1000) / 10}% of the cases are right.` };
  } catch (e) {
    const fatal = student.fatal();
    const kind = errorKind(e);
    if (fatal === "timeout" || kind === "timeout") return zeroResult(t, "Your code did not finish in time.");
    if (fatal === "memory" || kind === "memory") return zeroResult(t, "Your code ran out of memory.", "memory");
    const name = typeof e === "object" && e !== null ? (e as { name?: unknown }).name : undefined;
    if (name === "AssertionError") return { ...base, score: 0, status: "failed", message: messageOf(e) };
    if (kind !== null) return { ...base, score: 0, status: "error", message: messageOf(e) };
    return { ...base, score: 0, status: "error", message: `The test itself failed (tell the course staff): ${messageOf(e)}` };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Visible tests first, so nothing a student's code sees in a hidden test can reach a visible channel. */
export function orderTests(tests: LoadedTest[]): LoadedTest[] {
  return [...tests.filter((t) => t.visibility === "visible"), ...tests.filter((t) => t.visibility !== "visible")];
}

export async function runTests(tests: LoadedTest[], student: StudentSession, o: RunOptions): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (let i = 0; i < tests.length; i++) {
    const r = await runOneTest(tests[i]!, student, o.deadline, o.seed);
    results.push(r);
    o.onResult?.(i, r);
  }
  return results;
}
