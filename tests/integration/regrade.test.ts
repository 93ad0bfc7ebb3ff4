// Regrade after a hidden-test fix, end to end on the real database and the real sandbox: staff
// sync a version whose hidden test was wrong, students are graded by it, staff fix the test and
// sync again, "Regrade all" grades against the fixed version, and the gradebook and the Canvas
// export change while both gradings stay in each submission's history.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadAllAssignments } from "@/lib/assignments/load";
import { syncAssignments } from "@/lib/assignments/sync";
import { questionPoints } from "@/lib/assignments/points";
import { submit, type SubmitInput } from "@/lib/submissions/submit";
import { startWorker, type Worker } from "@/lib/queue/worker";
import { computeGradebook } from "@/lib/grades/gradebook";
import { exportGrades } from "@/lib/export/gradebook-csv";
import { regradeProgress, startRegrade } from "@/lib/queue/regrade";
import { HttpError } from "@/lib/http/http-error";
import { PRIORITY } from "@/lib/queue/jobs";
import { refusal } from "./lib/refusal";
import { useFreshDatabase } from "./lib/test-db";
import { createCourseWithTerm } from "./lib/course-fixture";

const solution = readFileSync("assignments/layernorm/solution.ts", "utf8");
const starter = readFileSync("assignments/layernorm/starter.ts", "utf8");
// Under <worktree>/<tmp>/<slug>, the tests' "../../../grader" imports resolve as in the repository.
const tmp = mkdtempSync(path.join(process.cwd(), ".regrade-test-"));
const root = tmp;
const hiddenFile = path.join(root, "layernorm", "tests", "hidden.test.ts");
const fixedHidden = readFileSync("assignments/layernorm/tests/hidden.test.ts", "utf8");
// The mistake staff made in version 1: a constant vector's layer norm "should" be all ones.
const brokenHidden = fixedHidden.replace("[5, 5, 5, 5]), [0, 0, 0, 0], TOL)", "[5, 5, 5, 5]), [1, 1, 1, 1], TOL)");

let db: PrismaClient;
let worker: Worker | undefined;
let termId: string;
const students: string[] = [];
let taId: string;

async function syncFolder() {
  const results = await loadAllAssignments(root);
  await syncAssignments(db, termId, results, questionPoints);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen within ${ms} ms`);
}

const input = (userId: string, over: Partial<SubmitInput> = {}): SubmitInput => ({
  userId,
  termId,
  assignmentSlug: "layernorm",
  questionKey: "norms",
  kind: "SUBMIT",
  code: solution,
  isStaff: false,
  embedded: false,
  now: new Date("2026-12-01T12:00:00Z"),
  ...over,
});

async function submitGraded(over: Parameters<typeof input>) {
  const r = await submit(db, input(...over));
  await until(`grading of ${r.submissionId}`, () => db.grading.findFirst({ where: { submissionId: r.submissionId } }));
  return r.submissionId;
}

beforeAll(async () => {
  expect(brokenHidden).not.toBe(fixedHidden);
  cpSync("assignments/layernorm", path.join(root, "layernorm"), { recursive: true });
  writeFileSync(hiddenFile, brokenHidden);
  db = await useFreshDatabase();
  termId = (await createCourseWithTerm(db)).term.id;
  for (let i = 0; i < 3; i++) {
    const u = await db.user.create({ data: { email: `s${i}@x.test`, name: `Student ${i}`, studentId: `S${i}` } });
    await db.enrollment.create({ data: { userId: u.id, termId, role: "STUDENT" } });
    students.push(u.id);
  }
  taId = (await db.user.create({ data: { email: "ta@x.test", name: "TA" } })).id;
  await db.enrollment.create({ data: { userId: taId, termId, role: "TA" } });
  await syncFolder();
  worker = await startWorker({ name: "regrade-test", poolSize: 1, leaseMs: 5000, pollMs: 200, log: () => {} });
});
afterAll(async () => {
  await worker?.stop();
  await closeDb();
  rmSync(tmp, { recursive: true, force: true });
});

describe("regrade after a hidden-test fix", () => {
  it("grades against the fixed version, changes the gradebook and the Canvas export, and keeps both gradings", async () => {
    const [s0, s1, s2] = students as [string, string, string];
    // s0: one correct submission. s1 (best policy): a wrong one, then a correct one; both can count.
    // s2: only a Run, which never counts and is never regraded.
    const s0Sub = await submitGraded([s0]);
    const s1First = await submitGraded([s1, { code: starter, now: new Date("2026-12-01T12:00:00Z") }]);
    const s1Second = await submitGraded([s1, { now: new Date("2026-12-01T12:30:00Z") }]);
    const s2Run = await submitGraded([s2, { kind: "RUN" }]);

    const a = await db.assignment.findFirstOrThrow({ where: { slug: "layernorm" }, include: { currentVersion: { include: { questions: true } } } });
    const v1 = a.currentVersion!;
    const points = v1.questions.find((q) => q.key === "norms")!.points;
    const v1Grading = await db.grading.findFirstOrThrow({ where: { submissionId: s0Sub } });
    expect(v1Grading.versionId).toBe(v1.id);
    expect(v1Grading.score).toBe(v1Grading.maxScore - 1); // the broken test fails a correct solution

    const before = await computeGradebook(db, termId);
    const cellOf = (book: typeof before, userId: string) => book.rows.find((r) => r.student.userId === userId)!.results.get(a.id)!.cells[0]!;
    const lostPoint = Math.round(((v1Grading.maxScore - 1) / v1Grading.maxScore) * points * 1e6) / 1e6;
    expect(cellOf(before, s0).score).toBe(lostPoint);
    expect(cellOf(before, s1).score).toBe(lostPoint);
    const canvasBefore = await exportGrades(db, { termId, format: "canvas" });

    // Staff fix the test and sync: version 2 becomes current; nothing is regraded by itself.
    writeFileSync(hiddenFile, fixedHidden);
    await syncFolder();
    const v2 = (await db.assignment.findUniqueOrThrow({ where: { id: a.id }, include: { currentVersion: true } })).currentVersion!;
    expect(v2.number).toBe(v1.number + 1);
    expect(cellOf(await computeGradebook(db, termId), s0).score).toBe(lostPoint);

    const started = await startRegrade(db, { termId, assignmentSlug: a.slug, questionKey: "norms", actorId: taId });
    expect(started).toMatchObject({ total: 3, versionNumber: v2.number });
    const jobs = await db.gradingJob.findMany({ where: { priority: PRIORITY.regrade } });
    expect(jobs.map((j) => j.submissionId).sort()).toEqual([s0Sub, s1First, s1Second].sort());
    expect(jobs.every((j) => j.versionId === v2.id)).toBe(true);
    await until("the regrade", async () => {
      const p = await regradeProgress(db, termId, started.batchId);
      return p.done + p.failed === p.total && p;
    });
    expect(await regradeProgress(db, termId, started.batchId)).toMatchObject({ total: 3, done: 3, failed: 0 });

    const after = await computeGradebook(db, termId);
    expect(cellOf(after, s0).score).toBe(points);
    expect(cellOf(after, s0).versionNumber).toBe(v2.number);
    expect(cellOf(after, s1)).toMatchObject({ score: points, submissionId: s1Second });
    expect(cellOf(after, s2).score).toBeNull();
    expect(await db.gradingJob.count({ where: { submissionId: s2Run, priority: PRIORITY.regrade } })).toBe(0);

    // The Canvas export follows: s0's and s1's totals move from the broken score to full marks.
    const canvasAfter = await exportGrades(db, { termId, format: "canvas" });
    const rowOf = (csv: string, name: string) => csv.split("\n").find((l) => l.startsWith(name + ","))!;
    const fmt = (x: number) => String(Math.round(x * 100) / 100);
    expect(rowOf(canvasBefore, "Student 0").endsWith(`,${fmt(lostPoint)}`)).toBe(true);
    expect(rowOf(canvasAfter, "Student 0").endsWith(`,${fmt(points)}`)).toBe(true);
    expect(rowOf(canvasAfter, "Student 1").endsWith(`,${fmt(points)}`)).toBe(true);
    expect(rowOf(canvasAfter, "Student 2").endsWith(",")).toBe(true);

    // History: both gradings of s0's submission, each with the version it was graded against.
    const history = await db.grading.findMany({ where: { submissionId: s0Sub }, orderBy: { gradedAt: "asc" } });
    expect(history.map((g) => [g.versionId, g.score, g.regrade])).toEqual([
      [v1.id, v1Grading.maxScore - 1, false],
      [v2.id, v1Grading.maxScore, true],
    ]);
  });

  it("regrades against an older version when staff choose it, and refuses a version that does not exist", async () => {
    const a = await db.assignment.findFirstOrThrow({ where: { slug: "layernorm" }, include: { currentVersion: true } });
    const v1 = await db.assignmentVersion.findFirstOrThrow({ where: { assignmentId: a.id, number: 1 } });
    const p = await startRegrade(db, { termId, assignmentSlug: a.slug, questionKey: "norms", actorId: taId, versionNumber: 1 });
    expect(p.versionNumber).toBe(1);
    const batch = await db.auditLog.findUniqueOrThrow({ where: { id: p.batchId } });
    const jobIds = (batch.data as { jobIds: string[] }).jobIds;
    expect((await db.gradingJob.findMany({ where: { id: { in: jobIds } } })).every((j) => j.versionId === v1.id)).toBe(true);
    await until("the regrade against version 1", async () => {
      const q = await regradeProgress(db, termId, p.batchId);
      return q.done + q.failed === q.total && q;
    });
    const book = await computeGradebook(db, termId);
    const cell = book.rows.find((r) => r.student.userId === students[0])!.results.get(a.id)!.cells[0]!;
    expect(cell.versionNumber).toBe(1);
    expect(cell.score).toBeLessThan(cell.points);

    const missing = await refusal(startRegrade(db, { termId, assignmentSlug: a.slug, questionKey: "norms", actorId: taId, versionNumber: 99 }), HttpError);
    expect(missing.status).toBe(404);
    expect(missing.message).toMatch(/has no version 99/);
  });
});
