// Entry point of a grader process (started by the pool with --no-node-snapshot). Grades one job
// at a time on request over IPC and streams progress, so the parent can report finished tests
// even when it has to SIGKILL this process at the deadline. Without IPC it grades one job read
// from stdin and prints the report (the benchmark's process-per-submission runner).
import { gradeJob, type GradeJob } from "./grade-job";
import type { TestResult } from "./report";
import { openProgressLog } from "./progress-log";
import { prepareSpareIsolate } from "./sandbox";

/**
 * With async calls the event loop runs while the student's code does, so finished tests are
 * reported in batches at most this old. With sync calls (the default) nothing runs during a call,
 * so progress is sent before the next test starts: a test that hangs the process cannot hold back
 * what finished before it. The final report carries everything either way.
 */
const RESULT_FLUSH_MS = 50;

export type ToChild = { type: "grade"; id: number; job: GradeJob };
export type FromChild =
  | { type: "ready" }
  | { type: "tests"; id: number; tests: import("./grade-job").TestInfo[] }
  | { type: "compiled"; id: number }
  /** Tests that finished since the last progress; the student's output grew by `append`, or (`replace`) is now this text (e.g. truncated). */
  | { type: "progress"; id: number; results: { index: number; result: import("./report").TestResult }[]; append?: string; replace?: string }
  | { type: "report"; id: number; report: import("./report").GradeReport }
  | { type: "failed"; id: number; message: string }
  | { type: "idle"; id: number };

// The esbuild service this process starts compiles one small file at a time: with Go's default of
// one thread per core its idle threads spin on every request (measured: about a fifth of its CPU).
process.env.GOMAXPROCS ??= "1";

process.on("unhandledRejection", (e) => {
  // A staff test that forgot an `await`; the test's own outcome is already decided.
  process.stderr.write(`grader: unhandled rejection: ${String(e)}\n`);
});

function send(m: FromChild): void {
  process.send?.(m);
}

// Progress goes to the file the parent reads only after a kill (grader/progress-log.ts); without
// one (or when it cannot be written) it is sent over IPC as before.
const progressLog = openProgressLog();
function record(m: Extract<FromChild, { type: "progress" | "compiled" }>): void {
  if (!progressLog?.write(m)) send(m);
}

async function handle(m: ToChild): Promise<void> {
  const { id } = m;
  let cleanup: () => void = () => {};
  let exitAfter = false;
  // If the parent must kill this process at the deadline, it still knows what had finished.
  let pending: { index: number; result: TestResult }[] = [];
  // The console output as last sent, and as the sandbox has it now (sent with the next batch).
  let sentOutput = "";
  let output = "";
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (output === sentOutput && pending.length === 0) return;
    const text = output === sentOutput ? {} : output.startsWith(sentOutput) ? { append: output.slice(sentOutput.length) } : { replace: output };
    record({ type: "progress", id, results: pending, ...text });
    sentOutput = output;
    pending = [];
  };
  const syncCalls = (m.job.callMode ?? "sync") === "sync";
  progressLog?.begin();
  try {
    const done = await gradeJob(m.job, {
      onTests: (tests) => send({ type: "tests", id, tests }),
      onCompiled: () => record({ type: "compiled", id }),
      onResult: (index, result) => {
        pending.push({ index, result });
        if (!syncCalls) timer ??= setTimeout(flush, RESULT_FLUSH_MS);
      },
      // gradeJob reads the output after the module loads and after every test's result.
      onOutput: (text) => {
        output = text;
        if (syncCalls) flush();
        else if (output !== sentOutput) timer ??= setTimeout(flush, RESULT_FLUSH_MS);
      },
    });
    cleanup = done.cleanup;
    exitAfter = done.exitAfter === true;
    if (timer) clearTimeout(timer);
    if (exitAfter) {
      // The compiler service failed (or is still busy with a source it cannot handle): this
      // process leaves once the report is out, and the pool starts a fresh one.
      const bye = () => process.exit(0);
      if (process.send) process.send({ type: "report", id, report: done.report } satisfies FromChild, undefined, {}, bye);
      else bye();
      return;
    }
    send({ type: "report", id, report: done.report });
  } catch (e) {
    if (timer) clearTimeout(timer);
    send({ type: "failed", id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
  cleanup();
  // The next isolate is made before saying idle, so a job sent now starts at once instead of
  // waiting in the pipe behind it (the parent's clean-up timer covers both).
  prepareSpareIsolate(m.job.memoryMb);
  send({ type: "idle", id });
}

if (process.send) {
  process.on("message", (m: ToChild) => {
    if (m && m.type === "grade") void handle(m);
  });
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready" });
} else {
  const chunks: Buffer[] = [];
  process.stdin.on("data", (c: Buffer) => chunks.push(c));
  // A failure stays an unhandled rejection, as before: Node prints it and the process exits non-zero.
  process.stdin.on(
    "end",
    () =>
      void (async () => {
        const job = JSON.parse(Buffer.concat(chunks).toString("utf8")) as GradeJob;
        const { report, cleanup } = await gradeJob(job);
        process.stdout.write(`${JSON.stringify(report)}\n`);
        cleanup();
        process.exit(0);
      })(),
  );
}
