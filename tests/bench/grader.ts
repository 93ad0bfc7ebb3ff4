// npm run bench:grader [-- --n 500 --naive 60] [-- --profile [--call-mode async]]
// Grades N copies of the layernorm reference solution with the sandboxed pool and, in the same
// run, (a) the same tests in-process without any sandbox (the floor; the two take turns in five
// rounds, so drift in the machine's speed weighs on both) and (b) a naive runner that spawns one
// Node process per submission. Prints figures, then one JSON line (the last line),
// whose figures are those of the default (sync) call mode; the async mode is printed for comparison.
// throughput_vs_floor = the pool's throughput / the floor's, both measured in this run.
// --profile: where one grading's time goes instead (tests/bench/lib/grader-profile-report.ts).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { transform } from "esbuild";
import { readCodeQuestion } from "../../grader/code-question";
import type { GradeJob } from "../../grader/grade-job";
import { selectTests } from "../../grader/grade-job";
import { childScriptPath, createGraderPool } from "../../grader/pool";
import { runTests, type StudentSession } from "../../grader/run-tests";
import { StudentError } from "../../grader/testing";
import { profileGrading } from "./lib/grader-profile-report";
import { percentile } from "./lib/stats";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "500" },
    naive: { type: "string", default: "60" },
    size: { type: "string" },
    profile: { type: "boolean", default: false },
    "call-mode": { type: "string" },
  },
});
const N = Number(values.n);
const NAIVE = Math.min(N, Number(values.naive));
const root = path.resolve(import.meta.dirname, "../..");
const assignmentDir = path.join(root, "assignments/layernorm");
const source = readFileSync(path.join(assignmentDir, "solution.ts"), "utf8");
const q = readCodeQuestion(assignmentDir);
const visibleTests = q.tests.visible ? [path.join(assignmentDir, q.tests.visible)] : [];
const hiddenTests = q.tests.hidden ? [path.join(assignmentDir, q.tests.hidden)] : [];
const cores = os.availableParallelism();
const size = values.size ? Number(values.size) : cores;

const pct = (xs: number[], p: number) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    p,
  );
const r2 = (x: number) => Math.round(x * 100) / 100;

type Timed = { ms: number; lat: number[]; full: number; n: number };
const timed = (): Timed => ({ ms: 0, lat: [], full: 0, n: 0 });
const perS = (t: Timed) => (t.n / t.ms) * 1000;

/** `n` gradings sent to the pool at once; adds their time and latencies to `into`. */
async function poolRound(pool: ReturnType<typeof createGraderPool>, n: number, into: Timed): Promise<void> {
  const t0 = performance.now();
  const reports = await Promise.all(Array.from({ length: n }, () => pool.grade({ assignmentDir, question: q, source, include: "all" })));
  into.ms += performance.now() - t0;
  into.n += n;
  for (const r of reports) into.lat.push(r.timing?.wallMs ?? 0);
  into.full += reports.filter((r) => r.score === r.maxScore).length;
}

async function openPool(callMode: "async" | "sync") {
  const pool = createGraderPool({ size, callMode });
  // Warm-up: every child loads (compiles) the tests once.
  await Promise.all(Array.from({ length: size * 2 }, () => pool.grade({ assignmentDir, question: q, source, include: "all" })));
  return pool;
}

let floorRuns = 0;

/** The floor: same tests, same compile step, student module imported directly, no isolation. `n` gradings one after another. */
async function floorRound(n: number, into: Timed): Promise<void> {
  const tests = await selectTests({ visibleTests, hiddenTests, include: "all" });
  const t0 = performance.now();
  for (let k = 0; k < n; k++) {
    const i = floorRuns++;
    const s = performance.now();
    const js = (await transform(`${source}\n//${i}`, { loader: "ts", format: "esm" })).code;
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as Record<string, unknown>;
    const session: StudentSession = {
      beginTest: () => {},
      fatal: () => null,
      async call<T>(name: string, ...args: unknown[]) {
        const f = mod[name];
        if (typeof f !== "function") throw new StudentError("missing", `export "${name}" is missing`);
        try {
          return structuredClone(f(...structuredClone(args))) as T;
        } catch (e) {
          // As the sandbox reports it: a StudentError naming what the student's code threw.
          const err = e as Error;
          throw new StudentError("threw", `${name}() threw ${err.name}: ${err.message}`, err.name, err.message);
        }
      },
      async get<T>(name: string) {
        return structuredClone(mod[name]) as T;
      },
      callEach<T>(name: string, argLists: unknown[][]) {
        return Promise.allSettled(argLists.map((args) => session.call<T>(name, ...args)));
      },
    };
    const results = await runTests(tests, session, { deadline: performance.now() + 5000, seed: "0" });
    if (results.some((r) => r.status !== "passed")) throw new Error("floor: the reference failed a test");
    into.lat.push(performance.now() - s);
    into.full++;
  }
  into.ms += performance.now() - t0;
  into.n += n;
}

/** One fresh Node process per submission (same grading code), `cores` at a time. */
async function processPerSubmission(): Promise<{ perS: number }> {
  const script = await childScriptPath();
  const job: GradeJob = { visibleTests, hiddenTests, include: "all", source, timeoutMs: q.timeoutMs, memoryMb: q.memoryMb };
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const p = spawn(process.execPath, ["--no-node-snapshot", script], { stdio: ["pipe", "pipe", "inherit"] });
      let out = "";
      p.stdout.on("data", (c: Buffer) => (out += c.toString()));
      p.on("exit", () => {
        try {
          const r = JSON.parse(out) as { score: number; maxScore: number };
          if (r.score !== r.maxScore) throw new Error("naive runner: the reference failed");
          resolve();
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
      p.stdin.end(JSON.stringify(job));
    });
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: cores }, async () => {
      while (next < NAIVE) {
        next++;
        await one();
      }
    }),
  );
  return { perS: (NAIVE / (performance.now() - t0)) * 1000 };
}

if (values.profile) {
  const callMode = values["call-mode"] === "async" ? "async" : "sync";
  console.log(JSON.stringify(await profileGrading({ n: Math.min(N, 300), assignmentDir, question: q, source, callMode })));
  process.exit(0);
}

// The pool and the floor take turns in ROUNDS rounds (floor, pool, floor, pool, ...), so a change
// in the machine's speed during the run (these machines are shared) weighs on both alike.
const ROUNDS = 5;
const pool = await openPool("sync");
const sb = timed();
const fl = timed();
await floorRound(Math.min(20, N), timed()); // the floor's warm-up: esbuild started, tests loaded
for (let r = 0; r < ROUNDS; r++) {
  const n = Math.floor(N / ROUNDS) + (r < N % ROUNDS ? 1 : 0);
  await floorRound(n, fl);
  await poolRound(pool, n, sb);
}
await pool.close();
const s = { perS: perS(sb), p50: pct(sb.lat, 50), p99: pct(sb.lat, 99), full: sb.full };
const f = { perS: perS(fl), p50: pct(fl.lat, 50) };
console.log(
  `sandboxed pool (${size} processes on ${cores} cores): ${r2(s.perS)} submissions/s, p50 ${r2(s.p50)} ms, p99 ${r2(s.p99)} ms, full marks ${s.full}/${N}`,
);
console.log(
  `in-process floor (no sandbox, 1 process), in turns with the pool: ${r2(f.perS)} submissions/s, p50 ${r2(f.p50)} ms; pool / floor ${r2(s.perS / f.perS)}`,
);
const asyncPool = await openPool("async");
const sy = timed();
await poolRound(asyncPool, N, sy);
await asyncPool.close();
console.log(
  `  same pool with callMode "async" (apply on isolated-vm's thread): ${r2(perS(sy))} submissions/s, p50 ${r2(pct(sy.lat, 50))} ms, p99 ${r2(pct(sy.lat, 99))} ms, full marks ${sy.full}/${N}`,
);
const n = await processPerSubmission();
console.log(`process per submission (${NAIVE} submissions, ${cores} at a time): ${r2(n.perS)} submissions/s`);
if (s.full !== N || sy.full !== N) throw new Error(`only ${s.full}/${N} sandboxed gradings gave full marks`);
console.log(
  JSON.stringify({
    submissions: N,
    throughput_per_s: r2(s.perS),
    p50_ms: r2(s.p50),
    p99_ms: r2(s.p99),
    floor_per_s: r2(f.perS),
    process_per_submission_per_s: r2(n.perS),
    overhead_ms: r2(s.p50 - f.p50),
    throughput_vs_floor: r2(s.perS / f.perS),
    speedup_vs_process_per_submission: r2(s.perS / n.perS),
    // The machine may be shared: the 1-minute load average when the run ended.
    load_1m: r2(os.loadavg()[0]!),
  }),
);
