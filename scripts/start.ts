// npm start — one command to a working site: checks settings, builds if needed, migrates, syncs
// assignments, seeds the demo course on an empty embedded database, then serves Next.js. In
// embedded mode (no DATABASE_URL) it also runs one grader worker in this process.
import http from "node:http";
import next from "next";
import { getEnv, isEmbedded } from "@/lib/env";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { closeDb, getDb } from "@/lib/db";
import { describeDemo } from "@/lib/demo/people";
import { formatCourseSync, prepareDatabase } from "@/lib/courses/setup";
import { startWorker } from "@/lib/queue/worker";
import { startMailSender } from "@/lib/mail/sender";
import { startScoreSender } from "@/lib/lti/passback-worker";
import { startAdminServer } from "@/lib/embedded/admin-server";
import { claimDataFolder, newAdminToken, releaseDataFolder } from "@/lib/embedded/lock";
import { buildIfNeeded } from "./lib/build-if-needed";
import { withOutagePage } from "./lib/outage-page";
import { exitWithError } from "./lib/fatal";

async function main() {
  const env = getEnv();
  ensureAuthSecret();
  const baseUrl = env.NEXTAUTH_URL ?? `http://${env.HOST}:${env.PORT}`;
  process.env.NEXTAUTH_URL ??= baseUrl;
  // The port first: a port in use is reported at once, not after a build and the migrations.
  // Until the site is ready every request gets a 503 saying so.
  const site: { handle?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> } = {};
  const server = http.createServer((req, res) => {
    if (site.handle) return void site.handle(req, res);
    res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" }).end("The course site is starting; try again in a few seconds.\n");
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(env.PORT, env.HOST, resolve));
  if (!process.argv.includes("--no-build")) buildIfNeeded();

  // Embedded mode: this process owns the data folder. Commands run beside it (user:add) talk to
  // its loopback admin endpoint instead of opening the folder; the lock file tells them where.
  // Taken after the build, whose synchronous run would leave the endpoint unanswered.
  let admin: Awaited<ReturnType<typeof startAdminServer>> | undefined;
  if (isEmbedded(env)) {
    const token = newAdminToken();
    admin = await startAdminServer(token);
    try {
      await claimDataFolder({ kind: "server", port: admin.port, token });
    } catch (error) {
      await admin.close();
      throw error;
    }
  }

  const prepared = await prepareDatabase({ demo: env.SEED_DEMO ? "always" : isEmbedded(env) ? "if-empty" : "never" });
  if (prepared.migrations.length) console.log(`Applied migrations: ${prepared.migrations.join(", ")}`);
  console.log(`Courses:\n${formatCourseSync(prepared.sync)}`);

  const app = next({ dev: false, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
  await app.prepare();
  site.handle = withOutagePage(app.getRequestHandler(), databaseReachable);

  // Embedded mode has one machine and one database opener: the grader worker runs in this process.
  // EMBEDDED_WORKER=1 also runs one beside a real PostgreSQL (small deployments, tests).
  const worker = (env.EMBEDDED_WORKER ?? isEmbedded(env)) ? await startWorker({ name: "embedded" }) : undefined;
  // The outbox is sent where grading happens: here with the embedded worker, else by npm run grader.
  const mail = worker ? startMailSender() : undefined;
  // LMS score passback (LTI AGS) too: its outbox is drained where grading happens.
  const scores = worker ? startScoreSender() : undefined;

  console.log(`\nCourse site ready on ${baseUrl} (${isEmbedded(env) ? `embedded database in ${env.DATA_DIR}/` : "PostgreSQL at DATABASE_URL"})`);
  if (prepared.demoSeeded && prepared.demoPassword) console.log(describeDemo(prepared.demoPassword, baseUrl));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down...`);
    server.close();
    await worker?.stop();
    await mail?.stop();
    await scores?.stop();
    await admin?.close();
    await closeDb();
    releaseDataFolder();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

/** One trivial query, given two seconds: a server that is down refuses at once, a hung one times out. */
async function databaseReachable(): Promise<boolean> {
  try {
    const db = await getDb();
    await Promise.race([db.$queryRawUnsafe("SELECT 1"), new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), 2000).unref())]);
    return true;
  } catch {
    return false;
  }
}

main().catch(exitWithError);
