// One grading inside a grader process: load the (cached) staff tests, open a fresh sandbox for
// the submission, run the tests, collect the output. The caller disposes the sandbox after it
// has sent the report, so a disposal that hangs cannot hold a finished report back.
import { performance } from "node:perf_hooks";
import type { GradeReport, TestResult } from "./report";
import { summarize } from "./report";
import { orderTests, runTests, zeroResult } from "./run-tests";
import { phaseEnd, phaseStart } from "./phase-clock";
import { newGradingSeed } from "./rng";
import { Sandbox, type OpenResult } from "./sandbox";
import { loadTests, type LoadedTest } from "./test-loader";

export interface GradeJob {
  visibleTests: string[];
  hiddenTests: string[];
  include: "visible" | "all";
  source: string;
  /** Why the source was refused before it was sent (too large): graded as every test at 0. */
  refusal?: string;
  timeoutMs: number;
  memoryMb: number;
  /** Longest single call into the student's code; default max(100, timeoutMs / 5). */
  callTimeoutMs?: number;
  callMode?: "async" | "sync";
  /** Deepest nesting accepted before compiling; default MAX_NESTING. */
  maxNesting?: number;
  /** Seed of the tests' random inputs (hex); default a fresh random 128-bit one. */
  seed?: string;
}

export interface TestInfo {
  name: string;
  maxScore: number;
  visibility: LoadedTest["visibility"];
}

export interface GradeEvents {
  /** The tests about to run, in order; the time limit starts now. */
  onTests?: (tests: TestInfo[]) => void;
  onResult?: (index: number, result: TestResult) => void;
  /** The submission is compiled (or refused); a kill at the deadline before this is a compile timeout. */
  onCompiled?: () => void;
  /** The student's console output so far, after the module loaded and after each test (read while no call runs). */
  onOutput?: (output: string) => void;
}

export interface GradeOutcome {
  report: GradeReport;
  cleanup: () => void;
  /** The compiler service of this process failed: the process must exit after reporting (a fresh one replaces it). */
  exitAfter?: boolean;
}

export async function selectTests(job: Pick<GradeJob, "visibleTests" | "hiddenTests" | "include">): Promise<LoadedTest[]> {
  const files = job.include === "visible" ? job.visibleTests : [...job.visibleTests, ...job.hiddenTests];
  const tests = await loadTests(files);
  return orderTests(job.include === "visible" ? tests.filter((t) => t.visibility === "visible") : tests);
}

function refused(message: string, events: GradeEvents): OpenResult {
  events.onCompiled?.();
  return { ok: false, status: "rejected", message };
}

export async function gradeJob(job: GradeJob, events: GradeEvents = {}): Promise<GradeOutcome> {
  const seed = job.seed ?? newGradingSeed();
  let t = phaseStart();
  const tests = await selectTests(job);
  phaseEnd("tests: select the loaded (cached) trusted tests", t);
  events.onTests?.(tests.map((t) => ({ name: t.name, maxScore: t.points, visibility: t.visibility })));
  const t0 = performance.now();
  const deadline = t0 + job.timeoutMs;
  const opened: OpenResult = job.refusal
    ? refused(job.refusal, events)
    : await Sandbox.open(
        job.source,
        {
          memoryMb: job.memoryMb,
          deadline,
          callTimeoutMs: job.callTimeoutMs ?? Math.max(100, job.timeoutMs / 5),
          callMode: job.callMode ?? "sync",
          ...(job.maxNesting !== undefined ? { maxNesting: job.maxNesting } : {}),
        },
        events.onCompiled,
      );
  const t1 = performance.now();
  if (!opened.ok) {
    const results = tests.map((t): TestResult => zeroResult(t, opened.message, "error"));
    results.forEach((r, i) => events.onResult?.(i, r));
    const timing = { compileMs: t1 - t0, testsMs: 0, totalMs: t1 - t0 };
    const exitAfter = opened.status === "error";
    return { report: summarize(opened.status, results, { output: opened.message, timing, seed }), cleanup: () => {}, exitAfter };
  }
  const sandbox = opened.sandbox;
  // Streamed as it grows, so a grading killed at its deadline still shows what was printed before.
  const onOutput = events.onOutput;
  onOutput?.(sandbox.output());
  const onResult = (index: number, result: TestResult) => {
    events.onResult?.(index, result);
    onOutput?.(sandbox.output());
  };
  t = phaseStart();
  const results = await runTests(tests, sandbox, { deadline, seed, onResult });
  phaseEnd("tests: run (trusted host code + crossings + output reads)", t);
  const output = sandbox.output(true);
  const t2 = performance.now();
  const round = (x: number) => Math.round(x * 100) / 100;
  t = phaseStart();
  const report = summarize("graded", results, {
    output,
    seed,
    timing: { compileMs: round(t1 - t0), testsMs: round(t2 - t1), totalMs: round(t2 - t0) },
  });
  phaseEnd("report: summarize", t);
  return { report, cleanup: () => sandbox.dispose() };
}
