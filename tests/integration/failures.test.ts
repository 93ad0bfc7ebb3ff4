// The built site under failures, against its own PostgreSQL server (never the suite's shared one):
// the database restarted while it serves, every grader worker down, and a disk-full style write
// failure on draft save. The site runs without an embedded worker so the queue is ours to drive.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/lib/throwaway-postgres";
import { pgRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { DEMO_PASSWORD, startApp, type AppServer } from "../e2e/lib/app-server";
import { Session } from "../e2e/lib/session";

const solution = readFileSync("assignments/layernorm/solution.ts", "utf8");
const submitBody = (code = solution) => ({ course: "ml-theory", assignment: "layernorm", question: "norms", kind: "SUBMIT", code });
const draftBody = (content: string) => ({ course: "ml-theory", assignment: "layernorm", question: "norms", content });

let pg: ThrowawayPostgres;
let app: AppServer;
let sql: SqlRunner;
const worker: { proc?: ChildProcess } = {};

async function signedIn(email: string): Promise<Session> {
  const s = new Session(app.baseUrl);
  expect(await s.signIn(email, DEMO_PASSWORD)).toBe(true);
  return s;
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  pg = await startThrowawayPostgres();
  app = await startApp({ DATABASE_URL: pg.url, EMBEDDED_WORKER: "0" });
  sql = await pgRunner(pg.url);
});

afterAll(async () => {
  if (worker.proc?.pid && worker.proc.exitCode === null) process.kill(-worker.proc.pid, "SIGKILL");
  await sql?.close().catch(() => {});
  await app?.stop();
  pg?.stop();
});

describe("PostgreSQL restarted while the site serves requests", () => {
  it("submit says 503 'try again' during the outage, writes nothing, and the site recovers without a restart", async () => {
    const s = await signedIn("student1@demo.test");
    const page = "/courses/ml-theory/2026-autumn/assignments/layernorm";
    expect((await s.fetch(page)).status).toBe(200);
    const before = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Submission"`);
    await sql.close();

    // Background traffic through the whole outage: the site answers every request (an error page
    // while the database is down), and never drops a connection.
    let traffic = true;
    const seen: Record<string, number> = {};
    const background = (async () => {
      while (traffic) {
        const key = await s.fetch(page).then(
          async (r) => (await r.arrayBuffer(), String(r.status)),
          (e: unknown) => `network error ${String(e)}`,
        );
        seen[key] = (seen[key] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await pg.crash();
    try {
      // A page answers like the API: 503, Retry-After, and a page that reloads itself.
      const outage = await s.fetch(page);
      expect(outage.status).toBe(503);
      expect(outage.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(outage.headers.get("content-type")).toMatch(/text\/html/);
      expect(await outage.text()).toMatch(/<meta http-equiv="refresh" content="\d+">[\s\S]*cannot reach its database/);
      const res = await s.json("POST", "/api/submit", submitBody());
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(((await res.json()) as { error: string }).error).toMatch(/try again/i);
      const draft = await s.json("PUT", "/api/drafts", draftBody("during the outage"));
      expect(draft.status).toBe(503);
      await new Promise((r) => setTimeout(r, 1000)); // an outage long enough for the background traffic to meet it
    } finally {
      await pg.start();
    }

    const started = Date.now();
    await until("the assignment page to answer 200 again", 10_000, async () => ((await s.fetch(page)).status === 200 ? true : undefined));
    console.log(`site answered 200 again ${Date.now() - started} ms after PostgreSQL came back`);
    traffic = false;
    await background;
    console.log(`page statuses through the restart: ${JSON.stringify(seen)}`);
    expect(Object.keys(seen).filter((k) => k.startsWith("network error"))).toEqual([]);
    // Pages during the outage were the outage page, never an error page with a 500.
    expect(Object.keys(seen).filter((k) => k.startsWith("5") && k !== "503")).toEqual([]);

    sql = await pgRunner(pg.url);
    const after = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Submission"`);
    expect(after[0]!.n).toBe(before[0]!.n);
    const orphans = await sql.query(
      `SELECT s.id FROM "Submission" s JOIN "Question" q ON q.id = s."questionId" WHERE q.type <> 'PROOF' AND NOT EXISTS (SELECT 1 FROM "GradingJob" j WHERE j."submissionId" = s.id)`,
    );
    expect(orphans).toEqual([]);
    const again = await s.json("POST", "/api/submit", submitBody());
    expect(again.status).toBe(202);
  });
});

describe("all grader workers down", () => {
  it("submissions queue, the status API says queued with a position, and grading resumes when a worker starts", async () => {
    const ids: string[] = [];
    for (const email of ["student2@demo.test", "student3@demo.test"]) {
      const s = await signedIn(email);
      const res = await s.json("POST", "/api/submit", submitBody());
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { submissionId: string }).submissionId);
    }
    const viewer = await signedIn("student3@demo.test");
    await new Promise((r) => setTimeout(r, 1000));
    const view = (await (await viewer.fetch(`/api/submissions/${ids[1]}`)).json()) as { status: string; position?: number };
    expect(view.status).toBe("queued");
    expect(view.position).toBeGreaterThanOrEqual(1); // jobs ahead of it: student2's (at least)

    worker.proc = spawn(process.execPath, ["--import", "tsx", "scripts/grader-worker.ts"], {
      env: { ...process.env, DATABASE_URL: pg.url, GRADER_POOL_SIZE: "1", WORKER_NAME: "failures-test" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let out = "";
    worker.proc.stdout!.on("data", (d) => (out = (out + d).slice(-4000)));
    worker.proc.stderr!.on("data", (d) => (out = (out + d).slice(-4000)));
    worker.proc.once("exit", (code) => code && console.error(`grader worker exited with ${code}:\n${out}`));
    const graded = await until("the queued submission to be graded", 45_000, async () => {
      const v = (await (await viewer.fetch(`/api/submissions/${ids[1]}`)).json()) as { status: string; score?: number; maxScore?: number };
      return v.status === "graded" ? v : undefined;
    });
    expect(graded.score).toBe(graded.maxScore);
    await until("the whole queue to drain", 30_000, async () => {
      const r = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "GradingJob" WHERE status <> 'DONE'`);
      return r[0]!.n === 0 ? true : undefined;
    });
  });
});

describe("a disk-full style write failure on draft save", () => {
  it("answers with a clear error and keeps the previous draft", async () => {
    const s = await signedIn("student1@demo.test");
    expect((await s.json("PUT", "/api/drafts", draftBody("// version 1"))).status).toBe(200);
    await sql.exec(`
      CREATE FUNCTION refuse_draft_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$;
      CREATE TRIGGER draft_disk_full BEFORE INSERT OR UPDATE ON "Draft" FOR EACH ROW EXECUTE FUNCTION refuse_draft_write();`);
    try {
      const res = await s.json("PUT", "/api/drafts", draftBody("// version 2"));
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toMatch(/could not be saved.*previous draft is kept/i);
      const rows = await sql.query<{ content: string }>(
        `SELECT content FROM "Draft" d JOIN "User" u ON u.id = d."userId" WHERE u.email = 'student1@demo.test' AND d."questionKey" = 'norms'`,
      );
      expect(rows.map((r) => r.content)).toEqual(["// version 1"]);
    } finally {
      await sql.exec(`DROP TRIGGER draft_disk_full ON "Draft"; DROP FUNCTION refuse_draft_write();`);
    }
    expect((await s.json("PUT", "/api/drafts", draftBody("// version 3"))).status).toBe(200);
  });
});
