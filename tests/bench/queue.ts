// npm run bench:queue [-- --workers 2 --submissions 1000 --students 300 --no-faults --pool 1 --rate 0]
// The submission pipeline under load and faults (issue 6's contract): a throwaway PostgreSQL (or
// DATABASE_URL's), W grader worker processes, a burst of submissions from simulated students through
// the app's submit(); with faults, a random worker SIGKILLed every 2 s and restarted, and one
// PostgreSQL restart mid-burst. Prints figures, then one JSON object as the last line.
// Each worker runs --pool sandbox processes (default 1, so that W workers use W of this machine's
// cores, like W one-core grader machines); see tests/bench/lib/queue-scenario.ts for the details.
// --profile: where the queue's own cost goes, step by step, instead (tests/bench/lib/queue-profile.ts).
// --rate R paces arrivals at R submissions/s instead of the burst (latency below saturation).
// Without faults it also prints the CPU per graded job of each kind of process during the burst
// (PostgreSQL, the workers, their grading children and esbuild services, this process): cpu_ms_per_job.
// Before the queue runs and again after it, the same mix is graded by the sandbox pool alone (workers ×
// pool processes, no database): grader_alone_per_s is the mean of the two, and efficiency =
// throughput_per_s / grader_alone_per_s.
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runQueueScenario } from "./lib/queue-scenario";
import { intOption } from "./lib/args";

const { values } = parseArgs({
  options: {
    workers: { type: "string", default: "2" },
    submissions: { type: "string", default: "1000" },
    students: { type: "string", default: "300" },
    pool: { type: "string", default: "1" },
    "no-faults": { type: "boolean", default: false },
    "kill-every-ms": { type: "string", default: "2000" },
    "lease-ms": { type: "string", default: "3000" },
    "looping-every": { type: "string", default: "50" },
    "deadline-s": { type: "string", default: "600" },
    rate: { type: "string", default: "0" },
    verbose: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
  },
});

if (values.profile) {
  // Where the queue's own cost goes (tests/bench/lib/queue-profile.ts); the last line is its JSON.
  const { profileQueue } = await import("./lib/queue-profile");
  const figures = await profileQueue(Math.min(200, intOption(values, "submissions", 1)), path.resolve(import.meta.dirname, "../.."));
  console.log(JSON.stringify({ ...figures, load_1m: Math.round(os.loadavg()[0]! * 100) / 100 }));
  process.exit(0);
}

const int = (name: keyof typeof values, min: number): number => intOption(values, name, min);

const workers = int("workers", 1);
const faults = !values["no-faults"];
const t0 = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);

// Ctrl-C: the scenario's exit handler kills the workers and stops the server.
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => process.exit(130));

try {
  const r = await runQueueScenario({
    submissions: int("submissions", 1),
    students: int("students", 1),
    workers,
    faults,
    poolSize: int("pool", 1),
    killEveryMs: int("kill-every-ms", 100),
    leaseMs: int("lease-ms", 500),
    loopingEvery: int("looping-every", 0),
    deadlineMs: int("deadline-s", 1) * 1000,
    rate: int("rate", 0),
    measureGraderAlone: true,
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
    log,
    ...(values.verbose ? { workerLog: log } : {}),
  });
  const d = r.details;
  console.log("");
  console.log(
    `workers: ${r.workers} × ${values.pool} sandbox process(es); faults: ${faults ? `a worker SIGKILLed every ${values["kill-every-ms"]} ms (${r.worker_kills} kills), ${r.db_restarts} PostgreSQL restart(s) (down ${d.dbDownMs} ms)` : "none"}`,
  );
  console.log(
    `submitted ${r.submitted}/${d.planned} (correct ${d.mix.correct}, wrong ${d.mix.wrong}, looping ${d.mix.looping}); ${d.submitRetries} submit retries after database errors, ${d.refusals} refusals`,
  );
  console.log(`graded ${r.graded} (full marks ${d.fullMarks}); lost ${r.lost}; duplicate gradings ${r.duplicates}`);
  console.log(
    `jobs by status ${JSON.stringify(d.jobStatus)}, by claim count ${JSON.stringify(d.attempts)}; worker starts ${d.workerStarts}, exits on their own ${d.workerCrashes}`,
  );
  console.log(
    `throughput ${r.throughput_per_s} gradings/s over ${d.elapsedS} s (the grader alone: ${r.grader_alone_per_s} gradings/s, efficiency ${r.efficiency}); load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    `latency submit → graded: p50 ${r.p50_ms} ms, p95 ${r.p95_ms} ms, p99 ${r.p99_ms} ms, max ${d.maxLatencyMs} ms; in the sandbox pool alone p50 ${d.gradingWallMsP50} ms`,
  );
  if (r.cpu_ms_per_job) {
    const rows = Object.entries(r.cpu_ms_per_job).sort((a, b) => b[1] - a[1]);
    const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(`CPU per graded job during the burst, by process (${Math.round(total * 10) / 10} ms in all):`);
    for (const [kind, ms] of rows) console.log(`  ${kind.padEnd(60)} ${ms.toFixed(2).padStart(6)} ms`);
  }
  const { details: _details, ...line } = r;
  console.log(JSON.stringify(line));
  process.exit(r.lost === 0 && r.duplicates === 0 && r.submitted === d.planned ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
