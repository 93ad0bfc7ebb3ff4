// `npm run bench:grader -- --profile`: where one grading's time goes. (1) In one process with the
// phase clock on (grader-profile.ts: isolate, harness, compile, module, each kind of crossing, output
// reads, report, dispose); (2) through a pool of one child, one grading at a time, what the process
// boundary adds (the pipe and messages, and the child's work between a report and the next job).
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { CHILD_V8_FLAGS } from "../../../grader/child-limits";
import type { CodeQuestionSettings } from "../../../grader/question-spec";
import { createGraderPool } from "../../../grader/pool";
import { perItem, treeCpuMs } from "./process-cpu";

type Phases = Record<string, { ms: number; perGrading: number }>;

function inProcess(n: number, callMode: string): Promise<{ phases: Phases }> {
  return new Promise((resolve, reject) => {
    const script = path.join(import.meta.dirname, "grader-profile.ts");
    // With a grading child's V8 flags, so the phases are those of a child.
    const p = spawn(process.execPath, [...CHILD_V8_FLAGS, "--import", "tsx", script, String(n), callMode], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (c: Buffer) => (out += c.toString()));
    p.on("exit", (code) => {
      try {
        if (code !== 0) throw new Error(`the profile process exited with ${code}`);
        resolve(JSON.parse(out.trim().split("\n").pop()!) as { phases: Phases });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export async function profileGrading(o: { n: number; assignmentDir: string; question: CodeQuestionSettings; source: string; callMode: "async" | "sync" }) {
  const { phases } = await inProcess(o.n, o.callMode);
  const ms = (k: string) => phases[k]?.ms ?? 0;
  const crossings = Object.entries(phases).filter(([k]) => k.startsWith("crossing: "));
  const crossingMs = crossings.reduce((s, [, v]) => s + v.ms, 0);
  const run = "tests: run (trusted host code + crossings + output reads)";
  const hostTests = ms(run) - crossingMs - ms("output: read from the isolate");
  console.log(`where a grading's time goes, in one process (${o.n} gradings of the layernorm reference, callMode ${o.callMode}), ms per grading:`);
  for (const [k, v] of Object.entries(phases)) {
    if (k.startsWith("(") || k === run) continue;
    console.log(`  ${k.padEnd(58)} ${r2(v.ms).toFixed(2).padStart(6)}  (${r2(v.perGrading)} per grading)`);
  }
  console.log(`  ${"trusted test code in the host (tests: run − crossings − output)".padEnd(58)} ${r2(hostTests).toFixed(2).padStart(6)}`);
  const whole = ms("(whole grading, in-process)");
  console.log(`  ${"whole grading in-process, clean-up and next isolate included".padEnd(58)} ${r2(whole).toFixed(2).padStart(6)}`);

  // Through the pool, one at a time: the child's own grading (timing.totalMs), what the pipe adds
  // (wallMs − totalMs: the job and report messages, selecting the tests), and the rest of each cycle.
  const pool = createGraderPool({ size: 1, callMode: o.callMode });
  const grade = () => pool.grade({ assignmentDir: o.assignmentDir, question: o.question, source: o.source, include: "all" });
  for (let i = 0; i < 30; i++) await grade();
  let wall = 0;
  let total = 0;
  const t0 = performance.now();
  for (let i = 0; i < o.n; i++) {
    const r = await grade();
    wall += r.timing?.wallMs ?? 0;
    total += r.timing?.totalMs ?? 0;
  }
  const cycle = (performance.now() - t0) / o.n;
  await pool.close();
  wall /= o.n;
  total /= o.n;
  console.log(`through a pool of 1 child, one grading at a time, ms per grading: ${r2(cycle)} in all`);
  console.log(`  ${"the child's grading (report timing.totalMs)".padEnd(58)} ${r2(total).toFixed(2).padStart(6)}`);
  console.log(
    `  ${"pipe, messages, selecting the tests (wallMs − totalMs)".padEnd(58)} ${r2(wall - total)
      .toFixed(2)
      .padStart(6)}`,
  );
  console.log(
    `  ${"report → next job (clean-up, next isolate, idle message)".padEnd(58)} ${r2(cycle - wall)
      .toFixed(2)
      .padStart(6)}`,
  );

  // A pool of one child per core, saturated: the CPU each grading costs in every process.
  const cores = os.availableParallelism();
  const full = createGraderPool({ size: cores, callMode: o.callMode });
  const gradeOn = () => full.grade({ assignmentDir: o.assignmentDir, question: o.question, source: o.source, include: "all" });
  await Promise.all(Array.from({ length: 4 * cores }, gradeOn));
  const before = treeCpuMs();
  const tSat = performance.now();
  await Promise.all(Array.from({ length: o.n * 2 }, gradeOn));
  const satMs = performance.now() - tSat;
  const cpu = perItem(before, treeCpuMs(), o.n * 2);
  await full.close();
  // How busy the cores were: all processes' CPU over the cores' time (1 = none ever idle).
  const busy = (Object.values(cpu).reduce((a, b) => a + b, 0) * o.n * 2) / (satMs * cores);
  console.log(
    `through a pool of ${cores} children, ${o.n * 2} gradings at once (${r2((o.n * 2 * 1000) / satMs)}/s, cores ${Math.round(busy * 100)}% busy), CPU ms per grading:`,
  );
  for (const [k, v] of Object.entries(cpu)) console.log(`  ${k.padEnd(58)} ${v.toFixed(2).padStart(6)}`);
  return {
    profile_call_mode: o.callMode,
    cpu_ms_per_grading: cpu,
    saturated_cores_busy: r2(busy),
    phases_ms: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, r2(v.ms)])),
    host_test_code_ms: r2(hostTests),
    in_process_ms: r2(whole),
    pool1_cycle_ms: r2(cycle),
    pool1_child_total_ms: r2(total),
    pool1_pipe_ms: r2(wall - total),
    pool1_between_jobs_ms: r2(cycle - wall),
  };
}
