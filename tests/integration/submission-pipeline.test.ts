// Submit → queue → worker → graded, on a real PostgreSQL with the real sandbox pool.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { submit, type SubmitInput } from "@/lib/submissions/submit";
import { HttpError } from "@/lib/http/http-error";
import { submissionIdSchema } from "@/lib/submissions/request";
import { claimJobs, PRIORITY, retryFailedJob } from "@/lib/queue/jobs";
import { startWorker, type Worker } from "@/lib/queue/worker";
import { numericAnswer, numericParams } from "@/lib/question-types/numeric";
import { parseVersionContent } from "@/lib/assignments/version-content";
import { useFreshDatabase } from "./lib/test-db";
import { seedCourse } from "./lib/course-fixture";
import { refusal } from "./lib/refusal";
import { failedJobCount, retryFailedJobs } from "@/lib/queue/failed-jobs";
import { findAssignment } from "@/lib/assignments/queries";
import { studentAssignmentView } from "@/lib/assignments/student-view";

const solution = readFileSync("assignments/layernorm/solution.ts", "utf8");
const starter = readFileSync("assignments/layernorm/starter.ts", "utf8");
let db: PrismaClient;
let ctx: Awaited<ReturnType<typeof seedCourse>>;
let worker: Worker | undefined;
const base = (userId: string, over: Partial<SubmitInput> = {}): SubmitInput => ({
  userId,
  termId: ctx.term.id,
  assignmentSlug: "layernorm",
  questionKey: "norms",
  kind: "SUBMIT",
  code: solution,
  isStaff: false,
  embedded: false,
  now: new Date("2026-12-01T12:00:00Z"),
  ...over,
});

async function waitGraded(submissionId: string, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const g = await db.grading.findFirst({ where: { submissionId }, include: { tests: true } });
    if (g) return g;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`submission ${submissionId} was not graded within ${ms} ms`);
}

const refused = (p: Promise<unknown>) => refusal(p, HttpError);

/** The attempts the student's assignment page shows as used (the count submit enforces: lib/grades). */
async function attemptsShown(userId: string, slug = "layernorm", questionKey = "norms") {
  const now = new Date("2026-12-01T12:00:00Z");
  const assignment = (await findAssignment(ctx.term.id, slug, false, now))!;
  const view = await studentAssignmentView({ assignment, courseSlug: "ml-theory", userId, isStaff: false, locale: "en", now });
  return view.questions.find((q) => q.id === questionKey)!.attemptsUsed;
}

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedCourse(["layernorm", "generalization-bounds", "xor-ln-net"], 5);
  db = ctx.db;
  worker = await startWorker({ name: "test", poolSize: 2, leaseMs: 2000, pollMs: 200, log: () => {} });
});
afterAll(async () => {
  await worker?.stop();
  await closeDb();
});

describe("the submission pipeline", () => {
  it("grades a correct submission with full marks and a wrong one with the failing tests named", async () => {
    const good = await submit(db, base(ctx.students[0]!.id));
    const bad = await submit(db, base(ctx.students[1]!.id, { code: starter }));
    // The ids are what the status URLs accept (/api/submissions/:id).
    expect(submissionIdSchema.safeParse(good.submissionId).success).toBe(true);
    const g = await waitGraded(good.submissionId);
    expect(g.score).toBe(g.maxScore);
    expect(g.maxScore).toBeGreaterThan(0);
    const b = await waitGraded(bad.submissionId);
    expect(b.score).toBeLessThan(b.maxScore);
    expect(b.tests.some((t) => t.status !== "passed")).toBe(true);
    // One row per test of the report, in its order, with its score and outcome.
    const reported = (b.report as { tests: { name: string; score: number; status: string }[] }).tests;
    const rows = [...b.tests].sort((x, y) => x.position - y.position);
    expect(rows.map((t) => [t.position, t.name, t.score, t.status])).toEqual(reported.map((t, i) => [i, t.name, t.score, t.status]));
    expect(await db.gradingJob.findFirst({ where: { submissionId: good.submissionId } })).toMatchObject({ status: "DONE" });
  });

  it("makes one submission of a double click (same client token)", async () => {
    const input = base(ctx.students[2]!.id, { clientToken: "click-1" });
    const [a, b] = await Promise.all([submit(db, input), submit(db, input)]);
    expect(a.submissionId).toBe(b.submissionId);
    expect(await db.submission.count({ where: { userId: ctx.students[2]!.id } })).toBe(1);
    await waitGraded(a.submissionId);
  });

  it("refuses a second submission while the first is in flight", async () => {
    const s = ctx.students[3]!.id;
    await worker!.stop();
    worker = undefined;
    await submit(db, base(s));
    const r = await refused(submit(db, base(s)));
    expect(r.status).toBe(429);
    expect(r.message).toMatch(/still being graded/);
    worker = await startWorker({ name: "test", poolSize: 2, leaseMs: 2000, pollMs: 200, log: () => {} });
  });

  it("refuses the 11th submission within 10 minutes with the wait named, and accepts one once the first leaves the window", async () => {
    // layernorm allows 10 submissions per 10 minutes; each is marked graded so none is in flight.
    await worker!.stop();
    worker = undefined;
    const s = ctx.students[4]!.id;
    const t0 = Date.parse("2026-12-02T09:00:00Z");
    const at = (seconds: number) => base(s, { now: new Date(t0 + seconds * 1000) });
    const done = async (submissionId: string) => db.gradingJob.updateMany({ where: { submissionId }, data: { status: "DONE" } });
    for (let i = 0; i < 10; i++) await done((await submit(db, at(i * 30))).submissionId);
    const r = await refused(submit(db, at(300)));
    expect(r.status).toBe(429);
    // The first one (at 0 s) leaves the window at 600 s: 300 s from now.
    expect(r.message).toBe("At most 10 submissions per 10 minutes for this question. Try again in 5 minutes.");
    const after = await submit(db, at(601));
    expect(after.duplicate).toBe(false);
    await done(after.submissionId);
    worker = await startWorker({ name: "test", poolSize: 2, leaseMs: 2000, pollMs: 200, log: () => {} });
  });

  it("refuses after the deadline with the deadline shown, and accepts late work inside the late window with the flag", async () => {
    const r = await refused(submit(db, base(ctx.students[0]!.id, { now: new Date("2027-02-01T00:00:00Z") })));
    expect(r.status).toBe(403);
    expect(r.message).toMatch(/The deadline was 2026-12-20T23:59:00.000Z/);
    // xor-ln-net: due 2026-12-08T23:59Z, late until 2026-12-11T23:59Z.
    const mc = (now: string) =>
      base(ctx.students[3]!.id, { assignmentSlug: "xor-ln-net", questionKey: "ln-width2", code: undefined, answer: { selected: ["a"] }, now: new Date(now) });
    const late = await submit(db, mc("2026-12-10T12:00:00Z"));
    expect(late).toMatchObject({ late: true, duplicate: false });
    expect((await db.submission.findUniqueOrThrow({ where: { id: late.submissionId } })).late).toBe(true);
    await waitGraded(late.submissionId);
    const onTime = await submit(db, mc("2026-12-08T12:00:00Z"));
    expect(onTime.late).toBe(false);
    await waitGraded(onTime.submissionId);
    const closed = await refused(submit(db, mc("2026-12-12T00:00:00Z")));
    expect(closed.status).toBe(403);
    expect(closed.message).toMatch(/The deadline was 2026-12-11T23:59:00.000Z/);
  });

  it("honours a per-student extension", async () => {
    const a = await db.assignment.findFirstOrThrow({ where: { slug: "layernorm" } });
    await db.extension.create({ data: { userId: ctx.students[1]!.id, assignmentId: a.id, dueAt: new Date("2027-03-01T00:00:00Z") } });
    const ok = await submit(db, base(ctx.students[1]!.id, { now: new Date("2027-02-01T00:00:00Z") }));
    expect(ok.late).toBe(false);
    await waitGraded(ok.submissionId);
  });

  it("refuses oversized code and malformed answers with a clear message, writing nothing", async () => {
    const before = await db.submission.count();
    const big = await refused(submit(db, base(ctx.students[0]!.id, { code: "x".repeat(300 * 1024) })));
    expect(big.status).toBe(413);
    expect(big.message).toMatch(/Submission is 300 KB; the limit is 256 KB/);
    const empty = await refused(submit(db, base(ctx.students[0]!.id, { code: "   " })));
    expect(empty.status).toBe(400);
    const missing = await refused(submit(db, base(ctx.students[0]!.id, { questionKey: "nope" })));
    expect(missing.status).toBe(404);
    expect(await db.submission.count()).toBe(before);
  });

  it("runs visible tests only for Run, without counting an attempt", async () => {
    const used = await attemptsShown(ctx.students[0]!.id);
    expect(used).toBeGreaterThan(0); // its earlier Submit counted
    const r = await submit(db, base(ctx.students[0]!.id, { kind: "RUN", code: starter }));
    const g = await waitGraded(r.submissionId);
    expect(g.tests.length).toBeGreaterThan(0);
    expect(g.tests.every((t) => t.visibility === "visible")).toBe(true);
    expect(await attemptsShown(ctx.students[0]!.id)).toBe(used);
  });

  it("grades numeric answers with the student's own parameters on the server", async () => {
    const a = await db.assignment.findFirstOrThrow({ where: { slug: "generalization-bounds" }, include: { currentVersion: true } });
    const content = parseVersionContent(a.currentVersion!.content, `version ${a.currentVersion!.number} of "${a.slug}"`);
    const q = content.spec.questions.find((x) => x.type === "numeric")!;
    if (q.type !== "numeric") throw new Error("unreachable");
    const student = ctx.students[2]!.id;
    const key = { course: "ml-theory", assignment: "generalization-bounds", question: q.id, student };
    const expected = numericAnswer(content.files, q, numericParams(content.files, q, key));
    const right = await submit(db, base(student, { assignmentSlug: "generalization-bounds", questionKey: q.id, code: undefined, answer: { value: expected } }));
    expect((await waitGraded(right.submissionId)).score).toBe(q.points);
    const otherKey = { ...key, student: ctx.students[3]!.id };
    const othersAnswer = numericAnswer(content.files, q, numericParams(content.files, q, otherKey));
    const wrong = await submit(
      db,
      base(student, { assignmentSlug: "generalization-bounds", questionKey: q.id, code: undefined, answer: { value: othersAnswer } }),
    );
    expect((await waitGraded(wrong.submissionId)).score).toBe(0);
  });

  it("retries a job whose worker died once its lease expires, and grades it exactly once", async () => {
    await worker!.stop();
    worker = undefined;
    const s = await submit(db, base(ctx.students[0]!.id, { now: new Date("2026-12-01T13:00:00Z") }));
    const claimed = await claimJobs(db, "dead-worker", 1, 300);
    expect(claimed.map((j) => j.id)).toEqual([s.jobId]);
    worker = await startWorker({ name: "test", poolSize: 2, leaseMs: 2000, pollMs: 200, log: () => {} });
    const g = await waitGraded(s.submissionId);
    expect(g.score).toBe(g.maxScore);
    await new Promise((r) => setTimeout(r, 500));
    expect(await db.grading.count({ where: { submissionId: s.submissionId } })).toBe(1);
    expect(await db.gradingJob.findUniqueOrThrow({ where: { id: s.jobId! } })).toMatchObject({ status: "DONE", attempts: 2 });
  });

  it("marks a job FAILED after its attempts are used up, does not count it as an attempt, and staff can retry it", async () => {
    await worker!.stop();
    worker = undefined;
    const usedBefore = await attemptsShown(ctx.students[1]!.id);
    const s = await submit(db, base(ctx.students[1]!.id, { now: new Date("2026-12-01T14:00:00Z") }));
    expect(await attemptsShown(ctx.students[1]!.id)).toBe(usedBefore + 1); // while it waits, it counts
    await db.gradingJob.update({ where: { id: s.jobId! }, data: { maxAttempts: 1 } });
    await claimJobs(db, "dead-worker", 1, 100);
    await new Promise((r) => setTimeout(r, 200));
    worker = await startWorker({ name: "test", poolSize: 2, leaseMs: 300, pollMs: 100, log: () => {} });
    const until = Date.now() + 5000;
    let job = await db.gradingJob.findUniqueOrThrow({ where: { id: s.jobId! } });
    while (job.status !== "FAILED" && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      job = await db.gradingJob.findUniqueOrThrow({ where: { id: s.jobId! } });
    }
    expect(job.status).toBe("FAILED");
    expect(job.lastError).toMatch(/grader stopped/);
    expect(await attemptsShown(ctx.students[1]!.id)).toBe(usedBefore); // failed on our side: not the student's attempt
    // Staff see it on the course's staff page and queue it again (audited).
    const termId = (await db.submission.findUniqueOrThrow({ where: { id: s.submissionId }, select: { assignment: { select: { termId: true } } } })).assignment
      .termId;
    expect(await failedJobCount(db, termId)).toBe(1);
    await db.gradingJob.update({ where: { id: s.jobId! }, data: { maxAttempts: 3 } });
    expect(await retryFailedJobs(db, termId, ctx.students[0]!.id)).toBe(1);
    expect(await failedJobCount(db, termId)).toBe(0);
    expect(await retryFailedJob(db, s.jobId!)).toBe(false); // already queued again
    expect(await db.auditLog.count({ where: { termId, action: "jobs.retry" } })).toBe(1);
    const g = await waitGraded(s.submissionId);
    expect(g.score).toBe(g.maxScore);
  });

  it("draws the hidden inputs' seed at submit, records it with the grading, and a regrade reuses it", async () => {
    const s = await submit(db, base(ctx.students[2]!.id, { code: starter, now: new Date("2026-12-01T15:00:00Z") }));
    const sub = await db.submission.findUniqueOrThrow({ where: { id: s.submissionId } });
    expect(sub.gradingSeed).toMatch(/^[0-9a-f]{32}$/);
    const first = await waitGraded(s.submissionId);
    expect(first.seed).toBe(sub.gradingSeed);
    await db.gradingJob.create({ data: { submissionId: s.submissionId, priority: PRIORITY.regrade } });
    const until = Date.now() + 30_000;
    let gradings = await db.grading.findMany({
      where: { submissionId: s.submissionId },
      include: { tests: { orderBy: { position: "asc" } } },
      orderBy: { gradedAt: "asc" },
    });
    while (gradings.length < 2 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      gradings = await db.grading.findMany({
        where: { submissionId: s.submissionId },
        include: { tests: { orderBy: { position: "asc" } } },
        orderBy: { gradedAt: "asc" },
      });
    }
    expect(gradings).toHaveLength(2);
    expect(gradings[1]!.seed).toBe(sub.gradingSeed);
    expect(gradings[1]!.tests.map((t) => [t.name, t.score, t.message])).toEqual(gradings[0]!.tests.map((t) => [t.name, t.score, t.message]));
  });
});
