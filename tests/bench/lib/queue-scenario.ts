// The submission-pipeline scenario shared by `npm run bench:queue` and the integration test
// tests/integration/queue-faults.test.ts: a PostgreSQL (a throwaway one, or the given URL), W grader
// worker processes (`node --import tsx scripts/grader-worker.ts`, exactly what `npm run grader` runs),
// and simulated students submitting through the app's own submit(). With faults on, a random worker
// is SIGKILLed (with its sandbox children: the whole process group, as if its machine died) every
// killEveryMs and started again, and the PostgreSQL server is restarted (immediate stop, then start)
// once when half of the submissions are in. A submission that fails because the database is down is
// retried with the same clientToken, which makes the retry idempotent. At the end the database is
// the judge: every submission must have exactly one non-regrade Grading.
//
// Looping submissions: the layernorm question's timeoutMs is 5000 ms; the scenario syncs an
// in-memory copy of the assignment whose assignment.yaml says `timeoutMs: <gradingTimeoutMs>`
// (500 ms by default) — same tests, same files otherwise — so that a loop holds a sandbox about
// half a second instead of five. Nothing is written to the repository.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb, type PrismaClient } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/maintenance";
import { hashFiles, loadAllAssignments } from "@/lib/assignments/load";
import { syncAssignments } from "@/lib/assignments/sync";
import { questionPoints } from "@/lib/assignments/points";
import { submit } from "@/lib/submissions/submit";
import { HttpError } from "@/lib/http/http-error";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/scripts/lib/throwaway-postgres";
import { graderAloneThroughput } from "./grader-alone";
import { perItem, treeCpuMs } from "./process-cpu";
import { runner } from "@/lib/db/direct";
import { killGroup, percentile, sleep } from "./stats";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export type QueueScenarioOptions = {
  submissions: number;
  students: number;
  workers: number;
  faults: boolean;
  /** Sandbox processes per worker (GRADER_POOL_SIZE). Default 1: W workers use W cores. */
  poolSize?: number;
  killEveryMs?: number;
  /** GRADER_LEASE_MS of the workers. Default 3000. */
  leaseMs?: number;
  /** The question's grading deadline in the synced copy of layernorm. Default 500. */
  gradingTimeoutMs?: number;
  /** Every k-th submission loops forever; the others alternate correct, wrong, correct. Default 50. */
  loopingEvery?: number;
  /** Submissions per second across all students (paced arrivals); 0 or unset: a burst, as fast as they can. */
  rate?: number;
  /** Correct submissions from extra students, graded before the measured burst (not counted). Default 4 per sandbox process. */
  warmup?: number;
  /** Also grade the same mix with the sandbox pool alone (no database), before and after the queue runs: grader_alone_per_s (their mean) and efficiency. */
  measureGraderAlone?: boolean;
  /** Use this PostgreSQL instead of starting one (it cannot be restarted: no DB fault then). */
  databaseUrl?: string;
  /** The whole burst gives up after this long (the check still runs). Default 10 minutes. */
  deadlineMs?: number;
  log?: (line: string) => void;
  /** Worker output lines (default: dropped, except the last ones of a worker that failed to start). */
  workerLog?: (line: string) => void;
};

export type QueueScenarioResult = {
  submitted: number;
  graded: number;
  lost: number;
  duplicates: number;
  worker_kills: number;
  db_restarts: number;
  throughput_per_s: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  workers: number;
  /** The same mix graded by a pool of workers × poolSize sandbox processes alone (measureGraderAlone): the mean of before and after the queue. */
  grader_alone_per_s?: number;
  /** throughput_per_s / grader_alone_per_s. */
  efficiency?: number;
  /**
   * CPU ms per graded job during the burst, by process kind (Linux; without faults, whose kills and
   * restart lose the CPU of the processes they end): where the machine's time went, the queue's
   * share (PostgreSQL, the workers' queue client, the submitting students) next to the grading's.
   */
  cpu_ms_per_job?: Record<string, number>;
  details: {
    planned: number;
    elapsedS: number;
    submitRetries: number;
    refusals: number;
    jobStatus: Record<string, number>;
    attempts: Record<string, number>;
    workerStarts: number;
    workerCrashes: number;
    mix: { correct: number; wrong: number; looping: number };
    fullMarks: number;
    maxLatencyMs: number;
    /** Time in the sandbox pool alone (the report's timing.wallMs), median. */
    gradingWallMsP50: number;
    dbDownMs: number;
  };
};

const r1 = (x: number) => Math.round(x * 10) / 10;

type Code = "correct" | "wrong" | "looping";

export function sources(): Record<Code, string> {
  const correct = readFileSync(path.join(ROOT, "assignments/layernorm/solution.ts"), "utf8");
  const wrong = readFileSync(path.join(ROOT, "assignments/layernorm/starter.ts"), "utf8");
  const looping = correct.replace("const y = normalize(x, eps);", "while (x.length >= 0) {}\n  const y = normalize(x, eps);");
  if (looping === correct) throw new Error("could not make the looping variant of the layernorm solution");
  return { correct, wrong, looping };
}

export function kindOf(i: number, loopingEvery: number): Code {
  if (loopingEvery > 0 && i % loopingEvery === loopingEvery - 1) return "looping";
  return i % 3 === 1 ? "wrong" : "correct";
}

export async function seed(db: PrismaClient, students: number, gradingTimeoutMs: number) {
  const tag = randomBytes(4).toString("hex");
  const course = await db.course.create({ data: { slug: `bench-queue-${tag}`, title: "Queue benchmark" } });
  const term = await db.term.create({ data: { courseId: course.id, slug: "2026-bench", title: "Benchmark", startsAt: new Date(0) } });
  const [loaded] = (await loadAllAssignments(path.join(ROOT, "assignments"), ["layernorm"])).filter((r) => r.slug === "layernorm");
  if (!loaded?.ok) throw new Error("assignments/layernorm does not load");
  const a = loaded.assignment;
  const yaml = a.files["assignment.yaml"]!;
  const shorter = yaml.replace(/timeoutMs: \d+/, `timeoutMs: ${gradingTimeoutMs}`);
  if (shorter === yaml) throw new Error("assignments/layernorm/assignment.yaml has no timeoutMs to shorten");
  const files = { ...a.files, "assignment.yaml": shorter };
  const spec = { ...a.spec, questions: a.spec.questions.map((q) => (q.type === "code" ? { ...q, timeoutMs: gradingTimeoutMs } : q)) };
  await syncAssignments(db, term.id, [{ ...loaded, assignment: { ...a, spec, files, hash: hashFiles(files) } }], questionPoints);
  const emails = Array.from({ length: students }, (_, i) => `bench-${tag}-${i}@x.test`);
  await db.user.createMany({ data: emails.map((email, i) => ({ email, name: `Bench student ${i}` })) });
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  const ids = emails.map((e) => byEmail.get(e)!);
  await db.enrollment.createMany({ data: ids.map((userId) => ({ userId, termId: term.id, role: "STUDENT" as const })) });
  const assignment = await db.assignment.findUniqueOrThrow({ where: { termId_slug: { termId: term.id, slug: "layernorm" } } });
  return { course, term, assignmentId: assignment.id, studentIds: ids, emails };
}

type Slot = { index: number; proc?: ChildProcess; ready: boolean; killedByUs: Set<ChildProcess>; tail: string[] };

/** W worker processes, each in its own process group so that a kill takes its sandbox children too. */
function startWorkerFleet(o: { count: number; env: NodeJS.ProcessEnv; log: (l: string) => void; workerLog?: (l: string) => void }) {
  const slots: Slot[] = [];
  let stopping = false;
  let starts = 0;
  let crashes = 0;
  const spawnInto = (slot: Slot) => {
    starts++;
    slot.ready = false;
    const proc = spawn(process.execPath, ["--import", "tsx", "scripts/grader-worker.ts"], {
      cwd: ROOT,
      env: { ...o.env, WORKER_NAME: `bench-w${slot.index}` },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    slot.proc = proc;
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim()) continue;
        if (/ started .* sandbox process/.test(line) && slot.proc === proc) slot.ready = true;
        slot.tail.push(line);
        if (slot.tail.length > 30) slot.tail.shift();
        o.workerLog?.(`[w${slot.index}] ${line}`);
      }
    };
    proc.stdout!.on("data", onLine);
    proc.stderr!.on("data", onLine);
    proc.on("exit", (code, signal) => {
      if (slot.killedByUs.delete(proc) || stopping) return;
      // Not ours: e.g. it could not migrate while PostgreSQL was restarting. Start it again.
      crashes++;
      o.log(`worker ${slot.index} exited by itself (${signal ?? code}); starting it again. Last lines:\n  ${slot.tail.slice(-5).join("\n  ")}`);
      if (slot.proc === proc) setTimeout(() => !stopping && spawnInto(slot), 500);
    });
  };
  for (let i = 0; i < o.count; i++) {
    const slot: Slot = { index: i, ready: false, killedByUs: new Set(), tail: [] };
    slots.push(slot);
    spawnInto(slot);
  }
  return {
    slots,
    get starts() {
      return starts;
    },
    get crashes() {
      return crashes;
    },
    async ready(timeoutMs: number) {
      const until = Date.now() + timeoutMs;
      while (!slots.every((s) => s.ready)) {
        if (Date.now() > until) throw new Error(`grader workers did not start within ${timeoutMs} ms:\n${slots.map((s) => s.tail.join("\n")).join("\n---\n")}`);
        await sleep(100);
      }
    },
    /** SIGKILL (the whole process group) and start again at once. */
    killAndRestart(slot: Slot) {
      const p = slot.proc;
      if (p) {
        slot.killedByUs.add(p);
        killGroup(p, "SIGKILL");
      }
      spawnInto(slot);
    },
    /** Kills everything at once; synchronous, so it can run in an exit handler. */
    killAll() {
      stopping = true;
      for (const s of slots) if (s.proc) killGroup(s.proc, "SIGKILL");
    },
  };
}

export async function runQueueScenario(opts: QueueScenarioOptions): Promise<QueueScenarioResult> {
  const log = opts.log ?? (() => {});
  const poolSize = opts.poolSize ?? 1;
  const killEveryMs = opts.killEveryMs ?? 2000;
  const leaseMs = opts.leaseMs ?? 3000;
  const gradingTimeoutMs = opts.gradingTimeoutMs ?? 500;
  const loopingEvery = opts.loopingEvery ?? 50;
  const deadlineMs = opts.deadlineMs ?? 600_000;
  const N = opts.submissions;
  const S = Math.min(opts.students, N);
  if (Math.ceil(N / S) > 10) throw new Error(`${N} submissions from ${S} students is more than layernorm's 10 per 10 minutes per student`);

  const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-queue-data-"));
  let server: ThrowawayPostgres | undefined;
  let fleet: ReturnType<typeof startWorkerFleet> | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const emergency = () => {
    fleet?.killAll();
    server?.stop();
  };
  process.once("exit", emergency);
  try {
    let url = opts.databaseUrl;
    if (!url) {
      server = await startThrowawayPostgres();
      url = server.url;
      log(`throwaway PostgreSQL on port ${server.port}`);
    } else {
      log(`using the PostgreSQL at DATABASE_URL${opts.faults ? " (it cannot be restarted from here: no database fault)" : ""}`);
    }
    await closeDb();
    process.env.DATABASE_URL = url;
    process.env.DATA_DIR = dataDir;
    resetEnvCache();
    await migrateDatabase();
    const db = await getDb();
    const t0 = Date.now();
    const warmup = opts.warmup ?? 4 * opts.workers * poolSize;
    const seeded = await seed(db, S + warmup, gradingTimeoutMs);
    const { course, term, assignmentId } = seeded;
    const studentIds = seeded.studentIds.slice(0, S);
    const warmupIds = seeded.studentIds.slice(S);
    log(`seeded course ${course.slug}: ${S} students, layernorm with a ${gradingTimeoutMs} ms grading deadline (${Date.now() - t0} ms)`);

    const code = sources();
    // The grader alone is measured before the queue runs and again after it, and efficiency uses the
    // mean of the two: these machines are shared, and a change in their speed during the run then
    // weighs on both sides alike (measured once, before, it swung efficiency by ±0.07 between runs).
    const aloneMix = Array.from({ length: N }, (_, i) => {
      const kind = kindOf(i, loopingEvery);
      return { kind, code: `${code[kind]}\n// bench submission ${i}\n` };
    });
    const measureAlone = async (when: string) => {
      const r = await graderAloneThroughput({ root: ROOT, sandboxes: opts.workers * poolSize, gradingTimeoutMs, submissions: aloneMix });
      log(`the grader alone, ${when} (${opts.workers * poolSize} sandbox processes, same mix, no database): ${r1(r.perS)} gradings/s`);
      return r.perS;
    };
    const aloneBefore = opts.measureGraderAlone ? await measureAlone("before the queue") : undefined;

    const workerEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      GRADER_POOL_SIZE: String(poolSize),
      GRADER_LEASE_MS: String(leaseMs),
    };
    delete workerEnv.NODE_OPTIONS;
    fleet = startWorkerFleet({ count: opts.workers, env: workerEnv, log, ...(opts.workerLog ? { workerLog: opts.workerLog } : {}) });
    await fleet.ready(60_000);
    log(`${opts.workers} worker process(es) ready, ${poolSize} sandbox process(es) each, lease ${leaseMs} ms`);

    // Waiting for results: one watcher for all students (not 300 pollers), and light, as it runs on
    // the machine it measures. Every 25 ms it asks for the jobs that ended in the last few seconds
    // (one prepared statement on the jobs' small rows); every second it checks every waiting
    // submission (an index probe each), so a result the first query missed is never lost. Asking
    // every 25 ms for all of them, through Prisma, cost 0.9 ms of CPU per graded job (PostgreSQL
    // and this process together), as much as claiming and writing the result.
    const waiting = new Map<string, () => void>();
    const run = runner(db);
    const release = (rows: { id: string }[]) => {
      for (const { id } of rows) {
        waiting.get(id)?.();
        waiting.delete(id);
      }
    };
    let polling = true;
    const poller = (async () => {
      for (let tick = 0; polling; tick++) {
        if (waiting.size) {
          try {
            if (tick % 40 === 0) {
              release(
                await run<{ id: string }>(
                  "bench-settled-of",
                  `SELECT s.id FROM "Submission" s WHERE s.id = ANY($1::text[]) AND (
                     EXISTS (SELECT 1 FROM "Grading" g WHERE g."submissionId" = s.id AND NOT g.regrade)
                     OR EXISTS (SELECT 1 FROM "GradingJob" j WHERE j."submissionId" = s.id AND j.status = 'FAILED'))`,
                  [[...waiting.keys()]],
                ),
              );
            } else {
              // A job is DONE in the statement that writes its grading; "updatedAt" is that statement's now().
              release(
                await run<{ id: string }>(
                  "bench-settled-recently",
                  `SELECT j."submissionId" AS id FROM "GradingJob" j
                    WHERE j.status IN ('DONE', 'FAILED') AND j."updatedAt" > LOCALTIMESTAMP - interval '3 seconds'`,
                  [],
                ),
              );
            }
          } catch {
            /* the database may be restarting */
          }
        }
        await sleep(25);
      }
    })();
    const settled = (id: string) => new Promise<void>((resolve) => waiting.set(id, resolve));

    if (warmup) {
      // Warm-up, not measured: the first gradings of a fresh worker bundle the tests and compile
      // the app's code paths; one round of correct submissions from extra students settles that.
      const w0 = Date.now();
      const ids = await Promise.all(
        warmupIds.map(async (userId, k) => {
          const input = {
            userId,
            termId: term.id,
            assignmentSlug: "layernorm",
            questionKey: "norms",
            kind: "SUBMIT" as const,
            code: `${code.correct}\n// warm-up ${k}\n`,
            isStaff: false,
            embedded: false,
          };
          return (await submit(db, input)).submissionId;
        }),
      );
      await Promise.race([Promise.all(ids.map(settled)), sleep(60_000)]);
      log(`warm-up: ${warmup} submissions graded in ${Date.now() - w0} ms (not counted)`);
    }
    const mix = { correct: 0, wrong: 0, looping: 0 };
    let submitted = 0;
    let submitRetries = 0;
    let refusals = 0;
    let dbRestarts = 0;
    let dbDownMs = 0;
    let restarting: Promise<void> | undefined;
    const cpuOptions = {
      self: "this benchmark (the students submitting and watching)",
      ...(server ? { server: { match: server.dir, kind: "PostgreSQL" } } : {}),
    };
    const cpuBefore = opts.faults ? null : treeCpuMs(cpuOptions);
    const burstStart = Date.now();
    const burstDeadline = burstStart + deadlineMs;
    const lastErrors = new Map<string, number>();
    // Paced arrivals: the k-th submission may start at burstStart + k / rate.
    let slotsTaken = 0;
    const pace = async () => {
      if (!opts.rate) return;
      const at = burstStart + (slotsTaken++ * 1000) / opts.rate;
      if (at > Date.now()) await sleep(at - Date.now());
    };

    const afterSubmit = () => {
      submitted++;
      if (opts.faults && server && !restarting && submitted >= Math.ceil(N / 2)) {
        const s = server;
        const t = Date.now();
        log(`restarting PostgreSQL after ${submitted} submissions (${((t - burstStart) / 1000).toFixed(1)} s into the burst)`);
        restarting = s.restart().then(
          () => {
            dbRestarts++;
            dbDownMs = Date.now() - t;
            log(`PostgreSQL is back after ${dbDownMs} ms`);
          },
          (error: unknown) => log(`PostgreSQL restart failed: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
    };

    const student = async (s: number) => {
      for (let i = s; i < N; i += S) {
        const kind = kindOf(i, loopingEvery);
        const input = {
          userId: studentIds[s]!,
          termId: term.id,
          assignmentSlug: "layernorm",
          questionKey: "norms",
          kind: "SUBMIT" as const,
          code: `${code[kind]}\n// bench submission ${i}\n`,
          isStaff: false,
          embedded: false,
          clientToken: `bench-${i}`,
        };
        let submissionId: string | undefined;
        await pace();
        while (!submissionId) {
          if (Date.now() > burstDeadline) return;
          try {
            submissionId = (await submit(db, input)).submissionId;
          } catch (error) {
            if (error instanceof HttpError) {
              refusals++;
              log(`submission ${i} refused (${error.status}): ${error.message}`);
              if (error.status !== 429) break;
              await sleep(1000);
              continue;
            }
            // The database is unreachable (restarting) or busy: try again, same clientToken.
            submitRetries++;
            const key = (error instanceof Error ? error.message : String(error)).split("\n").find((l) => l.trim()) ?? "?";
            lastErrors.set(key.slice(0, 160), (lastErrors.get(key.slice(0, 160)) ?? 0) + 1);
            await sleep(100 + Math.random() * 200);
          }
        }
        if (!submissionId) continue;
        mix[kind]++;
        afterSubmit();
        await Promise.race([settled(submissionId), sleep(Math.max(0, burstDeadline - Date.now()))]);
      }
    };

    let kills = 0;
    if (opts.faults) {
      // A random worker among those running (past start-up); none running yet: this tick skips.
      // Killing processes that are still booting tests nothing about the queue, and on a loaded
      // machine (boot > killEveryMs) it would leave no worker ever grading.
      killTimer = setInterval(() => {
        const running = fleet!.slots.filter((s) => s.ready);
        if (!running.length) return;
        fleet!.killAndRestart(running[Math.floor(Math.random() * running.length)]!);
        kills++;
      }, killEveryMs);
    }
    const progress = setInterval(
      () =>
        log(`  ${((Date.now() - burstStart) / 1000).toFixed(0)} s: ${submitted}/${N} submitted, ${waiting.size} waiting for a grade, ${kills} worker kills`),
      5000,
    );
    try {
      await Promise.all(Array.from({ length: S }, (_, s) => student(s)));
    } finally {
      clearInterval(progress);
      if (killTimer) clearInterval(killTimer);
      polling = false;
      await poller;
      await restarting;
    }
    const burstEnd = Date.now();
    const cpuAfter = cpuBefore ? treeCpuMs(cpuOptions) : null;
    const aloneAfter = aloneBefore === undefined ? undefined : await measureAlone("after the queue");
    const aloneMean = aloneBefore === undefined || aloneAfter === undefined ? undefined : (aloneBefore + aloneAfter) / 2;
    if (burstEnd > burstDeadline) log(`gave up waiting after ${deadlineMs} ms`);
    if (lastErrors.size) log(`submit errors retried (${submitRetries}):\n${[...lastErrors].map(([m, n]) => `  ${n}× ${m}`).join("\n")}`);

    // The judge: the database. Retry the check while the (restarted) server settles.
    type Row = { id: string; createdAt: Date; n: number; first: Date | null; full: boolean; wall: number | null };
    let rows: Row[] = [];
    let jobs: { status: string; attempts: number; n: number }[] = [];
    for (let attempt = 0; ; attempt++) {
      try {
        rows = await db.$queryRawUnsafe<Row[]>(
          `SELECT s.id, s."createdAt", count(g.id)::int AS n, min(g."gradedAt") AS first,
                  coalesce(bool_or(g.score = g."maxScore"), false) AS full,
                  min((g.report->'timing'->>'wallMs')::float) AS wall
             FROM "Submission" s LEFT JOIN "Grading" g ON g."submissionId" = s.id AND NOT g.regrade
            WHERE s."assignmentId" = $1 AND s.kind = 'SUBMIT' AND s."userId" = ANY($2::text[])
            GROUP BY s.id`,
          assignmentId,
          studentIds,
        );
        jobs = await db.$queryRawUnsafe<{ status: string; attempts: number; n: number }[]>(
          `SELECT j.status::text AS status, j.attempts, count(*)::int AS n FROM "GradingJob" j JOIN "Submission" s ON s.id = j."submissionId"
            WHERE s."assignmentId" = $1 AND s."userId" = ANY($2::text[]) GROUP BY 1, 2`,
          assignmentId,
          studentIds,
        );
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await sleep(500);
      }
    }
    const gradedRows = rows.filter((r) => r.n > 0 && r.first);
    const lat = gradedRows.map((r) => r.first!.getTime() - r.createdAt.getTime()).sort((a, b) => a - b);
    const lastGraded = Math.max(burstStart, ...gradedRows.map((r) => r.first!.getTime()));
    const throughput = gradedRows.length / Math.max(0.001, (lastGraded - burstStart) / 1000);
    const jobStatus: Record<string, number> = {};
    const attempts: Record<string, number> = {};
    for (const j of jobs) {
      jobStatus[j.status] = (jobStatus[j.status] ?? 0) + j.n;
      attempts[String(j.attempts)] = (attempts[String(j.attempts)] ?? 0) + j.n;
    }
    const result: QueueScenarioResult = {
      submitted: rows.length,
      graded: gradedRows.length,
      lost: rows.filter((r) => r.n === 0).length,
      duplicates: rows.reduce((sum, r) => sum + Math.max(0, r.n - 1), 0),
      worker_kills: kills,
      db_restarts: dbRestarts,
      throughput_per_s: r1(throughput),
      p50_ms: Math.round(percentile(lat, 50)),
      p95_ms: Math.round(percentile(lat, 95)),
      p99_ms: Math.round(percentile(lat, 99)),
      workers: opts.workers,
      ...(aloneMean !== undefined
        ? {
            grader_alone_per_s: r1(aloneMean),
            efficiency: Math.round((throughput / aloneMean) * 100) / 100,
          }
        : {}),
      ...(cpuBefore && cpuAfter && gradedRows.length && Object.keys(cpuAfter).length
        ? { cpu_ms_per_job: perItem(cpuBefore, cpuAfter, gradedRows.length) }
        : {}),
      details: {
        planned: N,
        elapsedS: r1((burstEnd - burstStart) / 1000),
        submitRetries,
        refusals,
        jobStatus,
        attempts,
        workerStarts: fleet.starts,
        workerCrashes: fleet.crashes,
        mix,
        fullMarks: rows.filter((r) => r.full).length,
        maxLatencyMs: lat.length ? lat[lat.length - 1]! : 0,
        gradingWallMsP50: r1(
          percentile(
            gradedRows.map((r) => r.wall ?? 0).sort((a, b) => a - b),
            50,
          ),
        ),
        dbDownMs,
      },
    };
    if (opts.databaseUrl) {
      // Someone else's database: leave it as we found it.
      await db.course.delete({ where: { id: course.id } }).catch(() => {});
      await db.user.deleteMany({ where: { id: { in: seeded.studentIds } } }).catch(() => {});
    }
    return result;
  } finally {
    if (killTimer) clearInterval(killTimer);
    fleet?.killAll();
    await closeDb().catch(() => {});
    try {
      server?.stop();
    } finally {
      process.off("exit", emergency);
      rmSync(dataDir, { recursive: true, force: true });
      for (const [k, v] of Object.entries(savedEnv)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetEnvCache();
    }
  }
}
