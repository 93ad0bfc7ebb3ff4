// The embedded mode end to end below the web layer: no DATABASE_URL, a PGlite folder, the same
// migrations, sync and demo seed, a submission graded by the in-process worker.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { prepareDatabase } from "@/lib/courses/setup";
import { courseAssignments } from "@/lib/courses/queries";
import { submit } from "@/lib/submissions/submit";
import { startWorker, type Worker } from "@/lib/queue/worker";
import { currentTerm } from "@/lib/courses/current-term";

let dataDir: string;
let worker: Worker | undefined;

beforeAll(async () => {
  await closeDb();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "pglite-smoke-"));
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = dataDir;
  process.env.DEMO_PASSWORD = "smoke-test-password";
  resetEnvCache();
});
afterAll(async () => {
  await worker?.stop();
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("embedded PGlite mode", () => {
  it("migrates, syncs the course and seeds the demo people into ./.data on first start, and is idempotent", async () => {
    const first = await prepareDatabase({ demo: "if-empty" });
    expect(first.migrations.length).toBeGreaterThan(0);
    expect(first.demoSeeded).toBe(true);
    const outcomes = (r: typeof first) => r.sync.flatMap((c) => c.terms.flatMap((t) => t.outcomes));
    expect(first.sync.map((c) => [c.course, c.ok, c.terms.map((t) => t.term)])).toEqual([["ml-theory", true, ["2026-autumn"]]]);
    expect(outcomes(first).some((o) => o.slug === "layernorm" && o.action === "created")).toBe(true);
    const again = await prepareDatabase({ demo: "if-empty" });
    expect(again.migrations).toEqual([]);
    expect(again.demoSeeded).toBe(false);
    expect(outcomes(again).every((o) => o.action === "unchanged")).toBe(true);
  });

  it("serves the course's assignments and grades a submission with the in-process worker", async () => {
    const db = await getDb();
    const course = await db.course.findUniqueOrThrow({ where: { slug: "ml-theory" } });
    const term = (await currentTerm(db, course.id))!;
    const list = await courseAssignments(term.id, false, new Date("2026-12-01T00:00:00Z"));
    expect(list.map((a) => a.slug)).toContain("layernorm");
    const student = await db.user.findUniqueOrThrow({ where: { email: "student3@demo.test" } });
    worker = await startWorker({ name: "smoke", poolSize: 1, pollMs: 100, log: () => {} });
    const s = await submit(db, {
      userId: student.id,
      termId: term.id,
      assignmentSlug: "layernorm",
      questionKey: "norms",
      kind: "SUBMIT",
      code: readFileSync("assignments/layernorm/solution.ts", "utf8"),
      isStaff: false,
      embedded: true,
      now: new Date("2026-12-02T00:00:00Z"),
    });
    let grading = null;
    for (let i = 0; i < 400 && !grading; i++) {
      grading = await db.grading.findFirst({ where: { submissionId: s.submissionId } });
      if (!grading) await new Promise((r) => setTimeout(r, 50));
    }
    expect(grading?.score).toBe(grading?.maxScore);
  });
});
