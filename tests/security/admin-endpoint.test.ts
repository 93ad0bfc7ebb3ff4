// npm run user:add beside a running embedded site (npm start without DATABASE_URL): the site owns
// the PGlite data folder (DATA_DIR/owner.lock, 0600) and does the write through its loopback admin
// endpoint, so the person can sign in at once and fields not given are kept; commands that would
// open the folder refuse with one line; the endpoint answers only the lock file's token, never a
// site session; a stale lock (the site gone) is taken over.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { SITE_RUNNING } from "@/lib/embedded/lock";
import { DEMO_PASSWORD, startApp, type AppServer } from "../e2e/lib/app-server";
import { Session } from "../e2e/lib/session";
import { ADMIN_ROUTES } from "./route-table";

let app: AppServer;
let dataDir: string;
const lockPath = () => path.join(dataDir, "owner.lock");

function run(script: string, args: string[], extra: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", ...extra } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "embedded-site-"));
  app = await startApp({ DATABASE_URL: "", DATA_DIR: dataDir, EMBEDDED_WORKER: "0" });
});
afterAll(async () => {
  await app?.stop();
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("commands beside a running embedded site", () => {
  it("the site holds the data folder with a lock file only its user can read", () => {
    expect(statSync(lockPath()).mode & 0o777).toBe(0o600);
    const lock = JSON.parse(readFileSync(lockPath(), "utf8")) as { kind: string; port: number; token: string };
    expect(lock.kind).toBe("server");
    expect(lock.token.length).toBeGreaterThanOrEqual(32);
  });

  it("user:add goes through the running site: the person signs in at once, and a second run keeps the section and student id", async () => {
    const first = await run(
      "scripts/add-user.ts",
      ["--email", "New.Prof@uni.test", "--name", "New Prof", "--role", "ta", "--section", "B", "--student-id", "E77"],
      { USER_PASSWORD: "first-password-1" },
    );
    expect(first.err).toBe("");
    expect(first.out).toContain("new.prof@uni.test is ta of ml-theory (2026-autumn) (written by the running site).");
    expect(first.code).toBe(0);
    expect(await new Session(app.baseUrl).signIn("new.prof@uni.test", "first-password-1")).toBe(true);
    const again = await run("scripts/add-user.ts", ["--email", "new.prof@uni.test", "--name", "New Prof", "--role", "instructor"], {
      USER_PASSWORD: "second-password-2",
    });
    expect(again.code).toBe(0);
    expect(await new Session(app.baseUrl).signIn("new.prof@uni.test", "second-password-2")).toBe(true);
    // The staff roster (now as an instructor) still shows section B.
    const s = new Session(app.baseUrl);
    expect(await s.signIn("new.prof@uni.test", "second-password-2")).toBe(true);
    const html = await (await s.fetch("/courses/ml-theory/2026-autumn/roster")).text();
    expect(html).toMatch(/new\.prof@uni\.test<\/td><td><span class="badge role-INSTRUCTOR">[^<]+<\/span><\/td><td>B<\/td><td class="hide-narrow">E77</);
  });

  it("commands that would open the data folder refuse with one line while the site runs", async () => {
    for (const script of ["scripts/migrate.ts", "scripts/seed.ts", "scripts/sync-assignments.ts"]) {
      const r = await run(script, []);
      expect([script, r.code, r.err.trim()]).toEqual([script, 1, SITE_RUNNING]);
    }
  });

  it("the admin endpoint answers only the lock file's token, not a site session or a guess", async () => {
    const lock = JSON.parse(readFileSync(lockPath(), "utf8")) as { port: number; token: string };
    const instructor = new Session(app.baseUrl);
    expect(await instructor.signIn("instructor@demo.test", DEMO_PASSWORD)).toBe(true);
    const url = (p: string) => `http://127.0.0.1:${lock.port}${p}`;
    for (const route of ADMIN_ROUTES) {
      for (const [who, headers] of [
        ["nobody", {}],
        ["an instructor's session", { cookie: instructor.cookieHeader() }],
        ["a wrong token", { authorization: `Bearer ${lock.token.slice(0, -1)}x` }],
        ["the token without Bearer", { authorization: lock.token }],
      ] as const) {
        const res = await fetch(url(route.path), {
          method: route.method,
          headers: { "content-type": "application/json", ...headers },
          ...(route.body ? { body: JSON.stringify(route.body) } : {}),
        });
        expect([route.path, who, res.status]).toEqual([route.path, who, 401]);
      }
    }
    const ok = await fetch(url("/health"), { headers: { authorization: `Bearer ${lock.token}` } });
    expect(ok.status).toBe(200);
    // The site's own port does not serve it.
    expect((await fetch(`${app.baseUrl}/health`, { headers: { authorization: `Bearer ${lock.token}` } })).status).toBe(404);
  });

  it("after the site stops the lock is gone; a stale lock (dead pid) is taken over, and user:add writes directly", async () => {
    await app.stop();
    expect(existsSync(lockPath())).toBe(false);
    writeFileSync(lockPath(), JSON.stringify({ pid: 2 ** 22 - 7, kind: "server", port: 1, token: "x".repeat(43), startedAt: new Date().toISOString() }), {
      mode: 0o600,
    });
    const r = await run("scripts/add-user.ts", ["--email", "late@uni.test", "--name", "Late", "--role", "student"], { USER_PASSWORD: "late-password-1" });
    expect(r.code).toBe(0);
    expect(r.out).toContain("late@uni.test is student of ml-theory (2026-autumn).");
    expect(existsSync(lockPath())).toBe(false);
    // The writes of both ways are in the folder.
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = dataDir;
    resetEnvCache();
    const db = await getDb();
    const prof = await db.user.findUniqueOrThrow({ where: { email: "new.prof@uni.test" }, include: { enrollments: true } });
    expect([prof.studentId, prof.enrollments[0]!.section, prof.enrollments[0]!.role]).toEqual(["E77", "B", "INSTRUCTOR"]);
    expect(await db.user.count({ where: { email: "late@uni.test" } })).toBe(1);
  });
});
