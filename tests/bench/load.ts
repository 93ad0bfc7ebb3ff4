// npm run bench:load [-- --students 300 --duration-s 60 --workers 2 --pool 1 --think-ms 4000-12000]
// A whole class at once against the production build on loopback: `next build` if needed, a
// throwaway PostgreSQL (or a fresh database on DATABASE_URL's server), the site (scripts/start.ts
// --no-build, NODE_ENV=production, no embedded worker) and W grader worker processes. N student
// accounts are enrolled; each student signs in through next-auth's credentials flow, then for the
// timed window opens the layernorm assignment, thinks, submits (right or wrong code, seeded), and
// polls the status API until graded, again and again. Prints figures, then one JSON line.
//
// Why plain node:http and not autocannon: a student is a stateful session (cookies, a CSRF token,
// a submission id to poll until graded, think time between steps); autocannon replays fixed
// requests on N connections to find saturation throughput, which is a different question. Each
// simulated student has its own keep-alive agent (two sockets, like a browser tab), so latency is
// the server's, not a client-side queue's. node:http costs the load generator less CPU than fetch,
// which matters when generator, site, PostgreSQL and graders share two cores.
//
// Sign-in runs before the timed window, bounded to a few at once: each one is a bcrypt (cost 12)
// check in the web process, ~0.25-0.8 s of CPU on this machine, by design; its latencies are
// printed separately and its requests and errors are counted in the totals.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRng, type Rng } from "@/grader/rng";
import { buildIfNeeded } from "@/scripts/lib/build-if-needed";
import { freePort, startThrowawayPostgres, type ThrowawayPostgres } from "@/scripts/lib/throwaway-postgres";
import { pgRunner } from "@/lib/db/sql-runner";
import { intOption } from "./lib/args";
import { killGroup, percentile, sleep } from "./lib/stats";
import { currentTerm } from "@/lib/courses/current-term";

const { values } = parseArgs({
  options: {
    students: { type: "string", default: "300" },
    "duration-s": { type: "string", default: "60" },
    workers: { type: "string", default: "2" },
    pool: { type: "string", default: "1" },
    "think-ms": { type: "string", default: "15000-45000" },
    "arrive-s": { type: "string", default: "" },
    "poll-ms": { type: "string", default: "1000" },
    "signin-concurrency": { type: "string", default: "4" },
    "drain-s": { type: "string", default: "60" },
    seed: { type: "string", default: "bench-load" },
    verbose: { type: "boolean", default: false },
  },
});
const int = (name: keyof typeof values, min: number): number => intOption(values, name, min);
const STUDENTS = int("students", 1);
const DURATION_MS = int("duration-s", 1) * 1000;
const WORKERS = int("workers", 0);
const POOL = int("pool", 1);
const POLL_MS = int("poll-ms", 50);
const SIGNIN_CONCURRENCY = int("signin-concurrency", 1);
const DRAIN_MS = int("drain-s", 0) * 1000;
const [THINK_MIN, THINK_MAX] = String(values["think-ms"]).split("-").map(Number) as [number, number];
if (!(THINK_MIN >= 0 && THINK_MAX >= THINK_MIN)) {
  console.error("--think-ms must be MIN-MAX in milliseconds");
  process.exit(2);
}
// Students arrive spread over this many seconds (default: the longest think time), i.e. at random
// points of their work cycle; --arrive-s 0 makes all of them open the page in the same instant.
const ARRIVE_MS = values["arrive-s"] === "" ? THINK_MAX : int("arrive-s", 0) * 1000;
// Everything is over by then, whatever happens: sign-in, window, drain and start-up, with room.
const HARD_LIMIT_MS = 20 * 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
const COURSE = "ml-theory";
const ASSIGNMENT = "layernorm";
const QUESTION = "norms";

const t0 = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`);

// ---------------------------------------------------------------- processes, killed at the end
const children: ChildProcess[] = [];
let pg: ThrowawayPostgres | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

function spawnGroup(name: string, args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  // Own process group, so that a kill also takes the worker's sandbox children.
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.push(child);
  let out = "";
  const onData = (d: Buffer) => {
    const s = d.toString();
    out = (out + s).slice(-20_000);
    if (values.verbose) for (const line of s.split("\n")) if (line.trim()) log(`${name}: ${line}`);
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 120 s:\n${out}`)), 120_000);
    const check = () => {
      if (out.includes(ready)) {
        clearTimeout(timer);
        child.stdout!.off("data", check);
        resolve(child);
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}):\n${out}`));
    });
  }).then(() => {
    child.removeAllListeners("exit");
    child.once("exit", (code, signal) => {
      if (!stopping) log(`${name} exited unexpectedly (${signal ?? code}); last output:\n${out.slice(-2000)}`);
    });
    return child;
  });
}

let stopping = false;

async function stopAll(): Promise<void> {
  stopping = true;
  const exited = children.map((c) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once("exit", () => r()))));
  for (const c of children) killGroup(c, "SIGTERM");
  await Promise.race([Promise.all(exited), new Promise((r) => setTimeout(r, 8000))]);
  for (const c of children) killGroup(c, "SIGKILL");
  await dropDatabase?.().catch(() => {});
  try {
    pg?.stop();
  } catch (e) {
    log(`stopping PostgreSQL: ${String(e)}`);
  }
}

process.on("exit", () => {
  for (const c of children) killGroup(c, "SIGKILL");
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void stopAll().finally(() => process.exit(130)));

// ---------------------------------------------------------------- HTTP client and measurements
type Category = "signin" | "page" | "submit" | "status";
const latencies: Record<Category, number[]> = { signin: [], page: [], submit: [], status: [] };
/** [seconds since the window opened, ms] of every timed-window request, for the timeline. */
const timeline: [number, number][] = [];
let windowOpenedAt = 0;
const errorsBy: Record<string, number> = {};
let requests = 0;
let errors = 0;
let refused429 = 0;

function countError(what: string): void {
  errors++;
  errorsBy[what] = (errorsBy[what] ?? 0) + 1;
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

class Student {
  readonly cookies = new Map<string, string>();
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  constructor(
    readonly email: string,
    readonly rng: Rng,
  ) {}

  request(method: string, path: string, category: Category, body?: { type: string; data: string }): Promise<Reply> {
    const headers: http.OutgoingHttpHeaders = { origin: baseUrl, accept: "*/*" };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body) {
      headers["content-type"] = body.type;
      headers["content-length"] = Buffer.byteLength(body.data);
    }
    requests++;
    const started = performance.now();
    return new Promise<Reply>((resolve) => {
      const req = http.request(`${baseUrl}${path}`, { method, headers, agent: this.agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const ms = performance.now() - started;
          for (const c of res.headers["set-cookie"] ?? []) {
            const pair = c.split(";")[0]!;
            const eq = pair.indexOf("=");
            if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
          }
          latencies[category].push(ms);
          if (category !== "signin") timeline.push([(Date.now() - windowOpenedAt) / 1000, ms]);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms });
        });
        res.on("error", () => resolve({ status: 0, headers: {}, body: "", ms: performance.now() - started }));
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", (e) => resolve({ status: 0, headers: {}, body: String(e), ms: performance.now() - started }));
      if (body) req.write(body.data);
      req.end();
    });
  }

  async signIn(password: string): Promise<boolean> {
    const csrf = await this.request("GET", "/api/auth/csrf", "signin");
    if (csrf.status !== 200) return (countError(`GET /api/auth/csrf ${csrf.status}`), false);
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email: this.email, password, callbackUrl: `${baseUrl}/courses`, json: "true" }).toString();
    const r = await this.request("POST", "/api/auth/callback/credentials", "signin", { type: "application/x-www-form-urlencoded", data: form });
    const ok = r.status === 200 && [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
    if (!ok) countError(`POST /api/auth/callback/credentials ${r.status}`);
    return ok;
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
function summary(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s[s.length - 1] ?? 0) };
}

/** Sleeps ms, but never past the end of the window. */
const sleepWithin = (ms: number, until: number) => sleep(Math.max(0, Math.min(ms, until - Date.now())));

// ---------------------------------------------------------------- one student's work
const solution = readFileSync("assignments/layernorm/solution.ts", "utf8");
const wrong = solution.replace(/\/ Math\.sqrt\(/g, "/ (1 + Math.sqrt(");
const accepted = new Set<string>();
const seenGraded = new Set<string>();
let baseUrl = "";

async function work(s: Student, until: number): Promise<void> {
  await sleepWithin(s.rng.uniform(0, ARRIVE_MS), until);
  while (Date.now() < until) {
    const page = await s.request("GET", `/courses/${COURSE}/2026-autumn/assignments/${ASSIGNMENT}`, "page");
    if (page.status !== 200) countError(`GET assignment page ${page.status}`);
    await sleepWithin(s.rng.uniform(THINK_MIN, THINK_MAX), until);
    if (Date.now() >= until) break;
    const code = s.rng.next() < 0.5 ? solution : wrong;
    const body = JSON.stringify({
      course: COURSE,
      assignment: ASSIGNMENT,
      question: QUESTION,
      kind: "SUBMIT",
      code,
      clientToken: randomBytes(12).toString("hex"),
    });
    const r = await s.request("POST", "/api/submit", "submit", { type: "application/json", data: body });
    if (r.status === 429) {
      refused429++;
      await sleepWithin(1000 * (Number(r.headers["retry-after"]) || 5), until);
      continue;
    }
    if (r.status !== 202 && r.status !== 200) {
      countError(`POST /api/submit ${r.status}`);
      await sleepWithin(1000 * (Number(r.headers["retry-after"]) || 2), until);
      continue;
    }
    const id = (JSON.parse(r.body) as { submissionId: string }).submissionId;
    accepted.add(id);
    // Poll until graded; past the window, stop polling (the drain below checks the database).
    while (Date.now() < until) {
      await sleepWithin(POLL_MS, until);
      const st = await s.request("GET", `/api/submissions/${id}`, "status");
      if (st.status !== 200) {
        countError(`GET /api/submissions/:id ${st.status}`);
        continue;
      }
      const status = (JSON.parse(st.body) as { status: string }).status;
      if (status === "graded") {
        seenGraded.add(id);
        break;
      }
      if (status === "failed") {
        countError("grading failed");
        break;
      }
    }
  }
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

// ---------------------------------------------------------------- CPU seconds per part
/** utime+stime (s) of every live process, by part: the site's and the workers' process groups
 * (sandbox children included), PostgreSQL's backends, and this load generator. */
function cpuByPart(): Record<string, number> {
  const tick = 100; // USER_HZ on Linux
  const postmaster = pg ? Number(readFileSync(path.join(pg.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]) : -1;
  const site = children[0]?.pid;
  const workers = new Set(children.slice(1).map((c) => c.pid));
  const all = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const busy = (all[0]! + all[1]! + all[2]! + all[5]! + all[6]! + all[7]!) / tick; // user nice system irq softirq steal
  const out: Record<string, number> = { web: 0, graders: 0, postgres: 0, "load generator": 0, "whole machine": busy };
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue;
    }
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [ppid, pgid, cpu] = [Number(f[1]), Number(f[2]), (Number(f[11]) + Number(f[12])) / tick];
    const pid = Number(name);
    if (pid === process.pid) out["load generator"]! += cpu;
    else if (pgid === site) out.web! += cpu;
    else if (workers.has(pgid)) out.graders! += cpu;
    else if (pid === postmaster || ppid === postmaster) out.postgres! += cpu;
  }
  return out;
}

// ---------------------------------------------------------------- main
async function main(): Promise<void> {
  buildIfNeeded();

  // The database: our own throwaway server, or a fresh database on the given server (never its data).
  let databaseUrl: string;
  if (process.env.DATABASE_URL) {
    const name = `bench_load_${randomBytes(4).toString("hex")}`;
    const admin = await pgRunner(process.env.DATABASE_URL);
    await admin.exec(`CREATE DATABASE "${name}"`);
    await admin.close();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDatabase = async () => {
      const a = await pgRunner(process.env.DATABASE_URL!);
      await a.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => a.close());
    };
    log(`database ${name} on DATABASE_URL's server`);
  } else {
    pg = await startThrowawayPostgres();
    databaseUrl = pg.url;
    log(`throwaway PostgreSQL on port ${pg.port}`);
  }

  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    NEXTAUTH_URL: baseUrl,
    HOST: "127.0.0.1",
    PORT: String(port),
    EMBEDDED_WORKER: "0",
    SEED_DEMO: "",
    GRADER_POOL_SIZE: String(POOL),
  };
  await spawnGroup("site", ["scripts/start.ts", "--no-build"], env, "Course site ready");
  log(`site ready on ${baseUrl} (NODE_ENV=production)`);
  await Promise.all(
    Array.from({ length: WORKERS }, (_, i) => spawnGroup(`worker ${i}`, ["scripts/grader-worker.ts"], { ...env, WORKER_NAME: `load-${i}` }, "started ")),
  );
  log(`${WORKERS} grader workers ready, ${POOL} sandbox process(es) each`);

  // The class: N students enrolled, one bcrypt hash shared by all (cost 12 is slow on purpose).
  process.env.DATABASE_URL = databaseUrl;
  const { getDb, closeDb } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/passwords");
  const db = await getDb();
  const password = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  const course = await db.course.findUniqueOrThrow({ where: { slug: COURSE } });
  const term = (await currentTerm(db, course.id))!;
  const emails = Array.from({ length: STUDENTS }, (_, i) => `load${String(i + 1).padStart(3, "0")}@bench.test`);
  await db.user.createMany({ data: emails.map((email, i) => ({ email, name: `Load Student ${i + 1}`, passwordHash, studentId: `L${1000 + i}` })) });
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
  await db.enrollment.createMany({ data: users.map((u, i) => ({ userId: u.id, termId: term.id, role: "STUDENT" as const, section: i % 2 ? "B" : "A" })) });
  log(`${STUDENTS} students enrolled in ${COURSE}`);

  const students = emails.map((e) => new Student(e, createRng(`${values.seed}:${e}`)));
  const signInStarted = Date.now();
  const signedIn: Student[] = [];
  await pool(students, SIGNIN_CONCURRENCY, async (s) => {
    if (await s.signIn(password)) signedIn.push(s);
  });
  const signInSeconds = (Date.now() - signInStarted) / 1000;
  log(`sign-in: ${signedIn.length}/${STUDENTS} in ${signInSeconds.toFixed(1)} s, ${SIGNIN_CONCURRENCY} at a time (bcrypt cost 12 in the web process)`);

  const cpuBefore = cpuByPart();
  const windowStart = Date.now();
  windowOpenedAt = windowStart;
  const until = windowStart + DURATION_MS;
  const ticker = setInterval(
    () => log(`requests ${requests}, errors ${errors}, 429 ${refused429}, submissions ${accepted.size}, graded (seen) ${seenGraded.size}`),
    10_000,
  );
  await Promise.all(signedIn.map((s) => work(s, until)));
  clearInterval(ticker);
  const cpuAfter = cpuByPart();
  const windowSeconds = (Date.now() - windowStart) / 1000;
  log(`window over (${((Date.now() - windowStart) / 1000).toFixed(1)} s); waiting up to ${DRAIN_MS / 1000} s for grading to finish`);

  // Drain: every accepted submission should be graded; the database, not the client, says so.
  const ids = [...accepted];
  let graded = 0;
  const drainUntil = Date.now() + DRAIN_MS;
  for (;;) {
    graded = ids.length ? await db.grading.count({ where: { submissionId: { in: ids } } }) : 0;
    if (graded >= ids.length || Date.now() >= drainUntil) break;
    await sleep(500);
  }
  const rowsInDb = await db.submission.count();
  const failedJobs = await db.gradingJob.count({ where: { status: "FAILED" } });
  const queuedLeft = await db.gradingJob.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } });
  await closeDb();

  const timed = [...latencies.page, ...latencies.submit, ...latencies.status];
  const all = summary(timed);
  console.log("\nlatency, ms (timed window)     n      p50     p95     p99     max");
  for (const [name, xs] of [
    ["assignment page (HTML)", latencies.page],
    ["POST /api/submit", latencies.submit],
    ["GET /api/submissions/:id", latencies.status],
    ["all of the above", timed],
    ["sign-in (before the window)", latencies.signin],
  ] as const) {
    const s = summary(xs);
    console.log(
      `${name.padEnd(28)} ${String(s.n).padStart(6)} ${String(s.p50).padStart(8)} ${String(s.p95).padStart(7)} ${String(s.p99).padStart(7)} ${String(s.max).padStart(8)}`,
    );
  }
  const buckets = new Map<number, number[]>();
  for (const [t, ms] of timeline) buckets.set(Math.floor(t / 10) * 10, [...(buckets.get(Math.floor(t / 10) * 10) ?? []), ms]);
  console.log(
    `p95 by 10 s of the window: ${[...buckets]
      .sort((a, b) => a[0] - b[0])
      .map(([t, xs]) => `${t}s ${summary(xs).p95} ms (n ${xs.length})`)
      .join(", ")}`,
  );
  console.log(
    `CPU in the window (${windowSeconds.toFixed(0)} s, 2 cores = ${(2 * windowSeconds).toFixed(0)} core-s; backends that exited are not counted): ${Object.entries(
      cpuAfter,
    )
      .map(([k, v]) => `${k} ${(v - (cpuBefore[k] ?? 0)).toFixed(1)} s`)
      .join(", ")}`,
  );
  console.log(`requests ${requests} (sign-in ${latencies.signin.length}), ${(timed.length / (DURATION_MS / 1000)).toFixed(1)} req/s in the window`);
  console.log(`errors ${errors}${errors ? `: ${JSON.stringify(errorsBy)}` : ""}; expected 429 refusals (counted apart, not errors): ${refused429}`);
  console.log(
    `submissions accepted ${ids.length}, rows in the database ${rowsInDb}, graded ${graded}, failed jobs ${failedJobs}, still queued/running ${queuedLeft}`,
  );
  const lost = ids.length - graded;
  console.log(
    JSON.stringify({ students: STUDENTS, requests, errors, p50_ms: all.p50, p95_ms: all.p95, p99_ms: all.p99, submissions: ids.length, graded, lost }),
  );
}

const hardLimit = setTimeout(() => {
  log(`hard time limit (${HARD_LIMIT_MS / 60_000} min) reached; stopping everything`);
  void stopAll().finally(() => process.exit(1));
}, HARD_LIMIT_MS);
hardLimit.unref();

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
