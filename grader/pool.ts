// The grader pool, used by the CLI, the benchmark and the long-lived grading worker: a few child
// processes (about one per core) started with --no-node-snapshot, one job at a time each. The
// parent holds a wall-clock deadline per job and SIGKILLs a child that passes it (isolated-vm's
// own timeouts do not cover copying results/errors out or disposal); the child is replaced and
// the report says "timeout" for every test that had not finished.
import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import type { FromChild, ToChild } from "./child";
import { ceilingMbFor, forkCommand, prlimitPath, saysOutOfMemory, setCeiling } from "./child-limits";
import { compileTimeoutMessage, sizeRefusal } from "./compile";
import type { GradeJob, TestInfo } from "./grade-job";
import { DEFAULT_MEMORY_MB } from "./limits";
import { createProgressFiles, PROGRESS_FILE_ENV } from "./progress-log";
import type { CodeQuestionSettings } from "./question-spec";
import type { GradeReport, GradeStatus, TestResult, TestStatus } from "./report";
import { summarize } from "./report";
import { newGradingSeed } from "./rng";

export interface GradeRequest {
  /** assignments/<slug> (absolute or relative to the current directory): the question's files are relative to it. */
  assignmentDir: string;
  /** The code question as validated by the caller (the site's synced spec, or readCodeQuestion). */
  question: CodeQuestionSettings;
  source: string;
  /** "visible": only visible tests (the editor's Run button); "all": a real submission. */
  include: "visible" | "all";
  /** Wall-clock limit of the student's code for this grading; default the question's timeoutMs. */
  deadlineMs?: number;
  memoryMb?: number;
  callTimeoutMs?: number;
  /** Seed of the hidden tests' random inputs (hex); default a fresh random one per grading (in the report). */
  seed?: string;
}

export interface PoolOptions {
  /** Grader processes; default: number of cores (at least 1). */
  size?: number;
  /** Extra time the parent allows past a job's deadline before SIGKILL. Default 500 ms. */
  killGraceMs?: number;
  /** How calls into student code are made; see SandboxOptions.callMode. Default "sync". */
  callMode?: "async" | "sync";
  /** memoryMb the children's OS memory ceiling is first sized for (a job needing another moves it). Default 64. */
  memoryMb?: number;
  /**
   * Leaves WebAssembly to student code. Only for tests that show the OS memory ceiling holds
   * (WebAssembly memories are outside isolated-vm's limit); never for real gradings.
   */
  exposeWasm?: boolean;
  /** Deepest nesting a submission may have (see grader/nesting.ts); tests raise it to reach the compiler. */
  maxNesting?: number;
}

export interface GraderPool {
  grade(req: GradeRequest): Promise<GradeReport>;
  close(): Promise<void>;
  readonly size: number;
  /** Children killed or lost so far (deadline kills, crashes). */
  readonly replaced: number;
  /** Process ids of the live children (for measuring them). */
  readonly pids: number[];
}

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, "..");

let childScriptPromise: Promise<string> | null = null;

/** Bundles grader/child.ts once into node_modules/.cache (content-hashed file name). */
export function childScriptPath(): Promise<string> {
  childScriptPromise ??= (async () => {
    const out = await build({
      entryPoints: [path.join(HERE, "child.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      packages: "external",
      write: false,
      logLevel: "silent",
    });
    const code = out.outputFiles[0]!.text;
    const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
    const dir = path.join(ROOT, "node_modules", ".cache", "coursegrade-grader");
    const file = path.join(dir, `child-${hash}.cjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, file);
    }
    return file;
  })();
  return childScriptPromise;
}

interface Job {
  id: number;
  job: GradeJob;
  enqueuedAt: number;
  startedAt: number;
  tests: TestInfo[] | null;
  /** The child has compiled the submission (until then a kill at the deadline is a compile timeout). */
  compiled: boolean;
  results: (TestResult | undefined)[];
  /** The student's console output the child has streamed so far (kept for a report the pool makes itself). */
  output: string;
  resolve: (r: GradeReport) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Worker {
  proc: ChildProcess;
  state: "starting" | "idle" | "busy" | "cleaning" | "dead";
  job: Job | null;
  cleanTimer?: NodeJS.Timeout;
  /** The OS memory ceiling the child runs under (MB), or null without one. */
  ceilingMb: number | null;
  /** The end of what the child wrote to stderr: says whether it died of an allocation failure. */
  stderrTail: string;
  /** Where the child writes its progress (grader/progress-log.ts). */
  progressFile: string;
}

const STDERR_TAIL_CHARS = 4096;

/** Message of every test of a grading whose child died at the OS memory ceiling. */
export function memoryExceededMessage(memoryMb: number): string {
  return `Memory limit exceeded: your code used more memory than the ${memoryMb} MB it may use, and its grading process was stopped.`;
}

function inside(dir: string, rel: string, what: string): string {
  const abs = path.resolve(dir, rel);
  if (abs !== dir && !abs.startsWith(dir + path.sep)) throw new Error(`${what} "${rel}" is outside the assignment folder`);
  return abs;
}

function finishPartial(j: Job, status: TestStatus, message: string, gradeStatus: GradeStatus = "graded"): GradeReport {
  const tests = (j.tests ?? []).map((t, i): TestResult => {
    const r = j.results[i];
    if (r) return r;
    return { name: t.name, score: 0, maxScore: t.maxScore, status, visibility: t.visibility, message };
  });
  const wallMs = Math.round((performance.now() - j.startedAt) * 100) / 100;
  // Graded: the student's output up to the kill; otherwise (the compiler ran out of time) the reason.
  const output = gradeStatus === "graded" ? j.output : message;
  return summarize(gradeStatus, tests, {
    ...(output ? { output } : {}),
    ...(j.job.seed ? { seed: j.job.seed } : {}),
    timing: { queueMs: Math.round((j.startedAt - j.enqueuedAt) * 100) / 100, totalMs: wallMs },
  });
}

export function createGraderPool(opts: PoolOptions = {}): GraderPool {
  const size = Math.max(1, opts.size ?? os.availableParallelism());
  const killGraceMs = opts.killGraceMs ?? 500;
  // Limit for loading (compiling) the trusted test files in a child.
  const loadTimeoutMs = 60_000;
  const workers: Worker[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let replaced = 0;
  // Children that die before saying "ready" (e.g. isolated-vm not built): stop after a few.
  let startFailures = 0;
  const MAX_START_FAILURES = 3;
  const scriptPromise = childScriptPath();
  const hasCeiling = prlimitPath() !== null;
  const firstCeilingMb = ceilingMbFor(opts.memoryMb ?? DEFAULT_MEMORY_MB);
  const progressFiles = createProgressFiles();
  let spawned = 0;

  function spawnWorker(): Worker {
    const ceilingMb = hasCeiling ? firstCeilingMb : null;
    const progressFile = progressFiles.fileFor(++spawned);
    const w: Worker = { proc: null as unknown as ChildProcess, state: "starting", job: null, ceilingMb, stderrTail: "", progressFile };
    workers.push(w);
    scriptPromise.then(
      (script) => {
        if (closed) return;
        const command = forkCommand(ceilingMb, opts.exposeWasm === true); // its env is a copy of ours
        if (progressFile) command.env[PROGRESS_FILE_ENV] = progressFile;
        else delete command.env[PROGRESS_FILE_ENV];
        const proc = fork(script, [], {
          ...command,
          stdio: ["ignore", "ignore", "pipe", "ipc"],
          cwd: process.cwd(),
        });
        w.proc = proc;
        proc.stderr?.on("data", (c: Buffer) => {
          process.stderr.write(c);
          w.stderrTail = (w.stderrTail + c.toString("utf8")).slice(-STDERR_TAIL_CHARS);
        });
        proc.on("message", (m: FromChild) => onMessage(w, m));
        proc.on("exit", (code, signal) => onExit(w, code, signal));
        proc.on("error", () => {});
      },
      (e: unknown) => {
        w.state = "dead";
        for (const j of queue.splice(0)) j.reject(new Error(`grader: cannot build the child script: ${String(e)}`));
      },
    );
    return w;
  }

  /** What the child recorded of job j before it was killed or died (it writes no more after that). */
  function absorbProgress(w: Worker, j: Job): void {
    for (const m of progressFiles.read(w.progressFile, j.id)) applyProgress(j, m);
  }

  function applyProgress(j: Job, m: Extract<FromChild, { type: "progress" | "compiled" }>): void {
    if (m.type === "compiled") {
      j.compiled = true;
      return;
    }
    for (const r of m.results) j.results[r.index] = r.result;
    j.output = m.replace ?? j.output + (m.append ?? "");
  }

  function replace(w: Worker): void {
    progressFiles.remove(w.progressFile);
    const i = workers.indexOf(w);
    if (i >= 0) workers.splice(i, 1);
    if (!closed) {
      replaced++;
      spawnWorker();
    }
  }

  function kill(w: Worker): void {
    w.state = "dead";
    if (w.cleanTimer) clearTimeout(w.cleanTimer);
    try {
      w.proc.kill("SIGKILL");
    } catch {
      /* already gone */
    }
  }

  function dispatch(): void {
    for (const w of workers) {
      if (queue.length === 0) return;
      if (w.state !== "idle") continue;
      const j = queue.shift()!;
      w.state = "busy";
      w.job = j;
      w.stderrTail = "";
      j.startedAt = performance.now();
      // Until the child has loaded the trusted tests, only the (generous) load limit applies.
      j.timer = setTimeout(() => {
        if (w.job !== j) return;
        w.job = null;
        kill(w);
        j.reject(new Error(`grader: loading the tests took longer than ${loadTimeoutMs} ms`));
      }, loadTimeoutMs);
      const send = () => {
        if (w.job === j && w.state === "busy") w.proc.send({ type: "grade", id: j.id, job: j.job } satisfies ToChild);
      };
      const ceilingMb = ceilingMbFor(j.job.memoryMb);
      if (w.ceilingMb === null || w.ceilingMb === ceilingMb || w.proc.pid === undefined) send();
      else {
        w.ceilingMb = ceilingMb;
        // If the ceiling cannot be moved, the child is not trusted with the job: replace it.
        setCeiling(w.proc.pid, ceilingMb).then(send, () => kill(w));
      }
    }
  }

  function onMessage(w: Worker, m: FromChild): void {
    if (m.type === "ready") {
      startFailures = 0;
      if (w.state === "starting") w.state = "idle";
      dispatch();
      return;
    }
    const j = w.job;
    if (m.type === "idle") {
      if (w.state === "cleaning") {
        if (w.cleanTimer) clearTimeout(w.cleanTimer);
        w.state = "idle";
        dispatch();
      }
      return;
    }
    if (!j || j.id !== m.id) return;
    if (m.type === "tests") {
      j.tests = m.tests;
      j.results = new Array(m.tests.length);
      clearTimeout(j.timer);
      const limit = j.job.timeoutMs + killGraceMs;
      j.timer = setTimeout(() => {
        if (w.job !== j) return;
        w.job = null;
        kill(w);
        absorbProgress(w, j);
        if (!j.compiled) j.resolve(finishPartial(j, "error", compileTimeoutMessage(j.job.timeoutMs), "error"));
        else
          j.resolve(
            finishPartial(
              j,
              "timeout",
              `The grading deadline (${j.job.timeoutMs} ms) passed before this test finished; your code may loop forever or never return.`,
            ),
          );
      }, limit);
    } else if (m.type === "compiled" || m.type === "progress") {
      // Sent only when the child could not write its progress file.
      applyProgress(j, m);
    } else if (m.type === "report" || m.type === "failed") {
      clearTimeout(j.timer);
      w.job = null;
      w.state = "cleaning";
      // Disposing the isolate should take milliseconds; a child stuck in it is replaced.
      w.cleanTimer = setTimeout(() => kill(w), 2000);
      if (m.type === "failed") {
        j.reject(new Error(`grader: ${m.message}`));
        return;
      }
      const report = m.report;
      const wallMs = Math.round((performance.now() - j.startedAt) * 100) / 100;
      report.timing = { ...(report.timing ?? { totalMs: wallMs }), queueMs: Math.round((j.startedAt - j.enqueuedAt) * 100) / 100, wallMs };
      j.resolve(report);
    }
  }

  function onExit(w: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    if (w.state === "starting" && !closed) {
      startFailures++;
      if (startFailures >= MAX_START_FAILURES) {
        const i = workers.indexOf(w);
        if (i >= 0) workers.splice(i, 1);
        w.state = "dead";
        const why = `grader: grading processes exit at start-up (${signal ?? `exit code ${code}`}); is isolated-vm built (npm rebuild isolated-vm) and is Node started with --no-node-snapshot?`;
        for (const j of queue.splice(0)) j.reject(new Error(why));
        return;
      }
    }
    const j = w.job;
    w.job = null;
    w.state = "dead";
    if (w.cleanTimer) clearTimeout(w.cleanTimer);
    if (j) {
      clearTimeout(j.timer);
      absorbProgress(w, j);
      if (j.tests) {
        // At the OS ceiling V8 or malloc fails and the process aborts, saying so on stderr.
        const oom = signal === "SIGABRT" || signal === "SIGTRAP" || code === 134 || saysOutOfMemory(w.stderrTail);
        j.resolve(
          finishPartial(
            j,
            oom ? "memory" : "error",
            oom ? memoryExceededMessage(j.job.memoryMb) : `The grading process stopped unexpectedly (${signal ?? `exit code ${code}`}).`,
          ),
        );
      } else {
        j.reject(new Error(`grader: the grading process stopped before loading the tests (${signal ?? `exit code ${code}`})`));
      }
    }
    replace(w);
    dispatch();
  }

  for (let i = 0; i < size; i++) spawnWorker();

  return {
    size,
    get replaced() {
      return replaced;
    },
    get pids() {
      return workers.flatMap((w) => (w.proc?.pid !== undefined && w.state !== "dead" ? [w.proc.pid] : []));
    },
    grade(req: GradeRequest): Promise<GradeReport> {
      if (closed) return Promise.reject(new Error("grader pool is closed"));
      if (workers.length === 0) {
        // Every child failed to start earlier: try again from scratch.
        startFailures = 0;
        for (let i = 0; i < size; i++) spawnWorker();
      }
      const q = req.question;
      const dir = path.resolve(req.assignmentDir);
      let visibleTests: string[], hiddenTests: string[];
      try {
        visibleTests = q.tests.visible ? [inside(dir, q.tests.visible, "tests.visible")] : [];
        hiddenTests = q.tests.hidden ? [inside(dir, q.tests.hidden, "tests.hidden")] : [];
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
      // Refused before it is sent (it need not cross the pipe); the child still loads the tests, so
      // the report has every test at 0 of its points, as for a compile error.
      const refusal = sizeRefusal(req.source);
      const job: GradeJob = {
        visibleTests,
        hiddenTests,
        include: req.include,
        source: refusal === null ? req.source : "",
        ...(refusal === null ? {} : { refusal }),
        timeoutMs: req.deadlineMs ?? q.timeoutMs,
        memoryMb: req.memoryMb ?? q.memoryMb,
        // Drawn here, so a report the pool makes itself (a child killed at the deadline) names it too.
        seed: req.seed ?? newGradingSeed(),
      };
      if (req.callTimeoutMs !== undefined) job.callTimeoutMs = req.callTimeoutMs;
      if (opts.callMode) job.callMode = opts.callMode;
      if (opts.maxNesting !== undefined) job.maxNesting = opts.maxNesting;
      return new Promise<GradeReport>((resolve, reject) => {
        queue.push({ id: nextId++, job, enqueuedAt: performance.now(), startedAt: 0, tests: null, compiled: false, results: [], output: "", resolve, reject });
        dispatch();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const j of queue.splice(0)) j.reject(new Error("grader pool closed"));
      const exits = workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (!w.proc || w.proc.exitCode !== null || w.proc.signalCode !== null) return resolve();
            w.proc.once("exit", () => resolve());
            if (w.job) {
              w.job.reject(new Error("grader pool closed"));
              w.job = null;
            }
            w.proc.kill("SIGKILL");
          }),
      );
      await Promise.all(exits);
      progressFiles.close();
    },
  };
}
