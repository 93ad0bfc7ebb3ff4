// The grading worker: claims jobs from PostgreSQL, grades them in the sandbox pool (code) or
// directly (numeric, multiple-choice), and writes each result exactly once. Any number of workers
// on any number of machines may share one database. Wakes on NOTIFY (or an in-process event in
// embedded mode) and polls as a fallback; renews leases while grading; on stop, finishes what it
// can within the grace period and gives the rest back to the queue.
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { getDb } from "@/lib/db";
import { getEnv, isEmbedded } from "@/lib/env";
import { parseVersionContent, type VersionContent } from "@/lib/assignments/version-content";
import { claimJobs, failAbandonedJobs, failJob, releaseJobs, renewLeases, type ClaimedJob } from "@/lib/queue/jobs";
import { completeJob } from "@/lib/queue/complete";
import { JOB_CHANNEL, onLocalWake } from "@/lib/queue/wake";
import { gradeSubmission } from "@/lib/submissions/auto-grade";
import { createGraderPool, type GradeReport, type GraderPool } from "@/grader";

export type WorkerOptions = { name?: string; poolSize?: number; leaseMs?: number; pollMs?: number; stopGraceMs?: number; log?: (msg: string) => void };
export type Worker = { id: string; stop(): Promise<void>; readonly graded: number };

// Versions are immutable, so their content (every file of the assignment) is read once per worker.
const versionCache = new Map<string, { number: number; contentHash: string; content: VersionContent }>();

async function versionOf(versionId: string) {
  const hit = versionCache.get(versionId);
  if (hit) return hit;
  const db = await getDb();
  const v = await db.assignmentVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { number: true, contentHash: true, content: true, assignment: { select: { slug: true } } },
  });
  const entry = {
    number: v.number,
    contentHash: v.contentHash,
    content: parseVersionContent(v.content, `version ${v.number} of "${v.assignment.slug}" (${versionId})`),
  };
  if (versionCache.size > 200) versionCache.clear();
  versionCache.set(versionId, entry);
  return entry;
}

async function gradeJob(job: ClaimedJob, pool: GraderPool): Promise<{ report: GradeReport; versionId: string; regrade: boolean; submissionId: string }> {
  const db = await getDb();
  const s = await db.submission.findUniqueOrThrow({
    where: { id: job.submissionId },
    select: {
      id: true,
      userId: true,
      versionId: true,
      questionKey: true,
      kind: true,
      code: true,
      answer: true,
      gradingSeed: true,
      assignment: { select: { slug: true, term: { select: { course: { select: { slug: true } } } } } },
    },
  });
  // A regrade grades against the version staff chose (a fixed hidden test); otherwise the
  // submission is graded against the version it answered.
  const versionId = job.versionId ?? s.versionId;
  const version = await versionOf(versionId);
  const report = await gradeSubmission(
    s,
    { courseSlug: s.assignment.term.course.slug, assignmentSlug: s.assignment.slug, contentHash: version.contentHash, content: version.content },
    async () => pool,
  );
  return { report, versionId, regrade: job.priority < 0, submissionId: s.id };
}

export async function startWorker(options: WorkerOptions = {}): Promise<Worker> {
  const env = getEnv();
  const log = options.log ?? ((m: string) => console.log(`[grader ${options.name ?? ""}] ${m}`));
  const id = `${options.name ?? "worker"}@${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const poolSize = options.poolSize ?? env.GRADER_POOL_SIZE ?? Math.max(1, os.availableParallelism());
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 1000;
  const pool = createGraderPool({ size: poolSize });
  const inFlight = new Map<string, Promise<void>>();
  let graded = 0;
  let stopping = false;
  let wake: () => void = () => {};
  // Set by every wake-up, so that one arriving while the loop is claiming (not waiting) is not lost.
  let woken = false;
  const wakeUp = () => {
    woken = true;
    wake();
  };

  // Wake-ups: LISTEN on PostgreSQL (reconnecting), or the in-process bus in embedded mode.
  let listener: pg.Client | undefined;
  const offLocal = onLocalWake(wakeUp);
  const listen = async (): Promise<void> => {
    if (isEmbedded(env) || stopping) return;
    try {
      const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5000 });
      client.on("error", () => {});
      client.on("end", () => {
        listener = undefined;
        if (!stopping) setTimeout(() => void listen(), 1000);
      });
      await client.connect();
      await client.query(`LISTEN ${JOB_CHANNEL}`);
      client.on("notification", wakeUp);
      listener = client;
      wakeUp(); // jobs may have arrived while we were not listening
    } catch {
      if (!stopping) setTimeout(() => void listen(), 1000);
    }
  };
  await listen();

  const heartbeat = setInterval(
    () => {
      void (async () => {
        const db = await getDb();
        await renewLeases(db, id, [...inFlight.keys()], leaseMs);
        await failAbandonedJobs(db);
      })().catch(() => {});
    },
    Math.max(200, Math.floor(leaseMs / 3)),
  );

  const process1 = async (job: ClaimedJob) => {
    const db = await getDb();
    try {
      const result = await gradeJob(job, pool);
      let written = false;
      for (let attempt = 0; ; attempt++) {
        try {
          written = await completeJob(db, job.id, result.submissionId, id, result);
          break;
        } catch (error) {
          // The database may be restarting: keep the result and try again while the lease lasts.
          if (attempt >= 20 || stopping) throw error;
          await new Promise((r) => setTimeout(r, 250 * Math.min(attempt + 1, 8)));
        }
      }
      if (written) graded++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`job ${job.id} failed (attempt ${job.attempts}/${job.maxAttempts}): ${message}`);
      await failJob(db, job, id, message).catch(() => {});
    }
  };

  const loop = (async () => {
    let backoff = 0;
    while (!stopping) {
      woken = false;
      // One job per sandbox process: a claimed job counts as an attempt, so a worker must not hold
      // jobs it is not grading yet (measured: claiming ahead gained nothing on 2 cores, and a
      // killed worker then used up attempts of jobs it never started).
      const free = poolSize - inFlight.size;
      let claimed: ClaimedJob[] = [];
      if (free > 0) {
        try {
          claimed = await claimJobs(await getDb(), id, free, leaseMs);
          backoff = 0;
        } catch (error) {
          backoff = Math.min(backoff * 2 || 200, 5000);
          if (backoff >= 1600) log(`cannot reach the database (${error instanceof Error ? error.message.split("\n")[0] : error}); retrying`);
        }
      }
      for (const job of claimed) {
        const p = process1(job).finally(() => {
          inFlight.delete(job.id);
          wakeUp();
        });
        inFlight.set(job.id, p);
      }
      if ((claimed.length === 0 || inFlight.size >= poolSize) && !woken) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, backoff || pollMs);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        wake = () => {};
      }
    }
  })();

  log(`started ${id} with ${poolSize} sandbox processes`);
  return {
    id,
    get graded() {
      return graded;
    },
    async stop() {
      stopping = true;
      wakeUp();
      await loop;
      const grace = options.stopGraceMs ?? 10_000;
      await Promise.race([Promise.allSettled([...inFlight.values()]), new Promise((r) => setTimeout(r, grace))]);
      if (inFlight.size) await releaseJobs(await getDb(), id, [...inFlight.keys()]).catch(() => {});
      clearInterval(heartbeat);
      offLocal();
      await listener?.end().catch(() => {});
      await pool.close();
    },
  };
}
