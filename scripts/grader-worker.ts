// npm run grader — a grading worker for this machine. Point any number of them, on any number of
// machines, at the same DATABASE_URL; each runs GRADER_POOL_SIZE sandbox processes.
import { closeDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/maintenance";
import { exitWithError } from "@/scripts/lib/fatal";
import { startWorker } from "@/lib/queue/worker";

try {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    console.error("Setting DATABASE_URL is required for a separate grader worker (in embedded mode `npm start` runs one itself).");
    process.exit(1);
  }
  // GRADER_LEASE_MS: how long a claimed job stays this worker's without a heartbeat (default 30 s);
  // a job whose worker died is claimed again after it. Benchmarks with fault injection shorten it.
  const leaseMs = process.env.GRADER_LEASE_MS ? Number(process.env.GRADER_LEASE_MS) : undefined;
  if (leaseMs !== undefined && !(Number.isInteger(leaseMs) && leaseMs >= 500)) {
    console.error("Setting GRADER_LEASE_MS must be a whole number of milliseconds, at least 500.");
    process.exit(1);
  }
  await migrateDatabase();
  const worker = await startWorker({ name: process.env.WORKER_NAME ?? "worker", ...(leaseMs ? { leaseMs } : {}) });
  // Invitation and reset mail (SMTP_URL) is sent by the grader workers too: the outbox is theirs.
  // Imported only then, so a worker without mail settings starts as fast as before.
  const mail = env.SMTP_URL ? (await import("@/lib/mail/sender")).startMailSender() : undefined;
  // LMS score passback (LTI AGS): idle but for one count a poll on a site without LMS links.
  const scores = (await import("@/lib/lti/passback-worker")).startScoreSender();
  const shutdown = async (signal: string) => {
    console.log(`[grader] ${signal}: finishing or releasing claimed jobs...`);
    await worker.stop();
    await mail?.stop();
    await scores.stop();
    await closeDb();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
} catch (error) {
  exitWithError(error);
}
