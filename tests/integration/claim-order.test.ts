// The order in which workers claim jobs: by priority (run, then submit, then regrade), oldest first
// within a priority, running jobs whose lease expired mixed in by the same order; never a job whose
// retry time has not come, one still leased, or one out of attempts; and two claims at once never
// get the same job. The claim reads queued and lease-expired jobs separately (lib/queue/jobs.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type PrismaClient } from "@/lib/db";
import { submit } from "@/lib/submissions/submit";
import { claimJobs, PRIORITY } from "@/lib/queue/jobs";
import { useFreshDatabase } from "./lib/test-db";
import { seedCourse } from "./lib/course-fixture";

let db: PrismaClient;
let ctx: Awaited<ReturnType<typeof seedCourse>>;

/** One queued job per student (a submission each), then reshaped as `jobs` says. */
async function jobsShaped(shapes: { createdAt: Date; priority?: number; status?: "RUNNING"; lockedUntil?: Date; attempts?: number; runAfter?: Date }[]) {
  const ids: string[] = [];
  for (const [i, shape] of shapes.entries()) {
    const s = await submit(db, {
      userId: ctx.students[i]!.id,
      termId: ctx.term.id,
      assignmentSlug: "layernorm",
      questionKey: "norms",
      kind: "SUBMIT",
      code: "export const x = 1;",
      isStaff: false,
      embedded: false,
      now: new Date("2026-12-01T12:00:00Z"),
    });
    await db.gradingJob.update({
      where: { id: s.jobId! },
      data: { ...shape, ...(shape.status ? { lockedBy: "a-dead-worker" } : {}) },
    });
    ids.push(s.jobId!);
  }
  return ids;
}

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedCourse(["layernorm"], 8);
  db = ctx.db;
});
afterAll(async () => {
  await closeDb();
});

describe("claiming jobs", () => {
  it("takes them by priority, oldest first, lease-expired ones among them, and leaves what is not claimable", async () => {
    const t = (s: number) => new Date(Date.parse("2026-12-01T12:00:00Z") + s * 1000);
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 60_000);
    const [regrade, expired, submitted, run, notYet, leased, spent] = await jobsShaped([
      { createdAt: t(0), priority: PRIORITY.regrade },
      { createdAt: t(1), status: "RUNNING", lockedUntil: past, attempts: 1 },
      { createdAt: t(2) },
      { createdAt: t(3), priority: PRIORITY.run },
      { createdAt: t(0), runAfter: future },
      { createdAt: t(0), status: "RUNNING", lockedUntil: future, attempts: 1 },
      { createdAt: t(0), status: "RUNNING", lockedUntil: past, attempts: 5 },
    ]);
    const order: string[] = [];
    for (let i = 0; i < 5; i++) order.push(...(await claimJobs(db, "w", 1, 30_000)).map((j) => j.id));
    expect(order).toEqual([run, expired, submitted, regrade]);
    const after = await db.gradingJob.findMany({ where: { id: { in: [notYet!, leased!, spent!, expired!] } } });
    const byId = new Map(after.map((j) => [j.id, j]));
    expect(byId.get(notYet!)).toMatchObject({ status: "QUEUED", lockedBy: null });
    expect(byId.get(leased!)).toMatchObject({ status: "RUNNING", lockedBy: "a-dead-worker", attempts: 1 });
    expect(byId.get(spent!)).toMatchObject({ status: "RUNNING", lockedBy: "a-dead-worker", attempts: 5 });
    expect(byId.get(expired!)).toMatchObject({ status: "RUNNING", lockedBy: "w", attempts: 2 });
  });

  it("gives two claims at once different jobs, and one claim of several the first ones in order", async () => {
    await db.gradingJob.updateMany({ data: { status: "DONE", lockedBy: null, lockedUntil: null } });
    await db.submission.deleteMany({});
    const t = (s: number) => new Date(Date.parse("2026-12-01T13:00:00Z") + s * 1000);
    const ids = await jobsShaped([{ createdAt: t(0) }, { createdAt: t(1) }, { createdAt: t(2) }, { createdAt: t(3) }, { createdAt: t(4) }]);
    const [a, b] = await Promise.all([claimJobs(db, "w1", 1, 30_000), claimJobs(db, "w2", 1, 30_000)]);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(new Set([a[0]!.id, b[0]!.id])).toEqual(new Set(ids.slice(0, 2)));
    const three = await claimJobs(db, "w3", 3, 30_000);
    expect(new Set(three.map((j) => j.id))).toEqual(new Set(ids.slice(2)));
    expect(three.every((j) => j.submission.assignmentSlug === "layernorm" && j.submission.code === "export const x = 1;")).toBe(true);
    expect(await claimJobs(db, "w4", 1, 30_000)).toEqual([]);
  });
});
