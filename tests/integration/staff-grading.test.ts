// Rubric grading: scores follow rubric edits, concurrent graders cannot overwrite each other,
// the queue order is stable; regrade-all makes new jobs at regrade priority.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { editRubricItem, proofQueue, saveManualGrading, CONFLICT_MESSAGE } from "@/lib/grades/manual-grading";
import { manualScore } from "@/lib/grades/manual-score.shared";
import { HttpError } from "@/lib/http/http-error";
import { regradeProgress, startRegrade } from "@/lib/queue/regrade";
import { PRIORITY } from "@/lib/queue/jobs";
import { useFreshDatabase } from "./lib/test-db";
import { seedStaffCourse, type StaffCourse } from "./lib/staff-fixture";
import { refusal } from "./lib/refusal";

let ctx: StaffCourse;
const item = (k: string) => ctx.items.find((i) => i.key === k)!;

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedStaffCourse();
});
afterAll(closeDb);

const refused = (p: Promise<unknown>) => refusal(p, HttpError);

describe("rubric grading", () => {
  it("scores are the clamped sum of applied items and the adjustment", () => {
    expect(manualScore([2, 2, 1], 0, 5)).toBe(5);
    expect(manualScore([2, 2, 1], 3, 5)).toBe(5);
    expect(manualScore([-2], 0, 5)).toBe(0);
    expect(manualScore([2, -2, 1], 0.5, 5)).toBe(1.5);
  });

  it("editing a rubric item recomputes every score that uses it, and only those", async () => {
    const other = ctx.students[1]!;
    const proof2 = await ctx.db.submission.findFirstOrThrow({ where: { userId: other.id, questionKey: "xor-proof" } });
    await saveManualGrading(ctx.db, {
      termId: ctx.term.id,
      submissionId: proof2.id,
      graderId: ctx.ta.id,
      itemIds: [item("conclusion").id],
      comment: "",
      adjustment: 0,
      expectedRevision: 0,
    });
    const r = await editRubricItem(ctx.db, {
      termId: ctx.term.id,
      rubricItemId: item("combine").id,
      points: 1.5,
      description: "Adds the constraints pairwise",
      actorId: ctx.ta.id,
    });
    expect(r.recomputed).toBe(1);
    expect((await ctx.db.manualGrading.findUniqueOrThrow({ where: { submissionId: ctx.proofId } })).score).toBe(3.5);
    expect((await ctx.db.manualGrading.findUniqueOrThrow({ where: { submissionId: proof2.id } })).score).toBe(1);
    await editRubricItem(ctx.db, { termId: ctx.term.id, rubricItemId: item("conclusion").id, points: 9, description: "Concludes", actorId: ctx.ta.id });
    expect((await ctx.db.manualGrading.findUniqueOrThrow({ where: { submissionId: proof2.id } })).score).toBe(5); // clamped to the question's points
    const audit = await ctx.db.auditLog.findMany({ where: { action: "rubric.edit" } });
    expect(audit).toHaveLength(2);
  });

  it("a second grader saving over an older revision is refused with a clear message", async () => {
    const g = await ctx.db.manualGrading.findUniqueOrThrow({ where: { submissionId: ctx.proofId } });
    const base = { termId: ctx.term.id, submissionId: ctx.proofId, comment: "", adjustment: 0, expectedRevision: g.revision };
    const first = await saveManualGrading(ctx.db, { ...base, graderId: ctx.ta.id, itemIds: [item("constraints").id] });
    expect(first.revision).toBe(g.revision + 1);
    const late = await refused(saveManualGrading(ctx.db, { ...base, graderId: ctx.students[2]!.id, itemIds: [item("combine").id] }));
    expect(late.status).toBe(409);
    expect(late.message).toBe(CONFLICT_MESSAGE);
    const stored = await ctx.db.manualGrading.findUniqueOrThrow({ where: { submissionId: ctx.proofId }, include: { items: true } });
    expect(stored.items.map((i) => i.rubricItemId)).toEqual([item("constraints").id]);
  });

  it("two first gradings at once: exactly one wins", async () => {
    const s = await ctx.db.submission.create({
      data: {
        userId: ctx.students[2]!.id,
        assignmentId: ctx.xor.id,
        versionId: ctx.xor.currentVersionId!,
        questionId: ctx.xor.currentVersion!.questions.find((q) => q.key === "xor-proof")!.id,
        questionKey: "xor-proof",
        answer: { text: "proof" },
      },
    });
    const attempt = (itemId: string) =>
      saveManualGrading(ctx.db, {
        termId: ctx.term.id,
        submissionId: s.id,
        graderId: ctx.ta.id,
        itemIds: [itemId],
        comment: "",
        adjustment: 0,
        expectedRevision: 0,
      });
    const results = await Promise.allSettled([attempt(item("constraints").id), attempt(item("combine").id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as HttpError).status).toBe(409);
  });

  it("refuses items of another question and submissions of other types", async () => {
    const code = await ctx.db.submission.findFirstOrThrow({ where: { questionKey: "construction" } });
    expect(
      (
        await refused(
          saveManualGrading(ctx.db, {
            termId: ctx.term.id,
            submissionId: code.id,
            graderId: ctx.ta.id,
            itemIds: [],
            comment: "",
            adjustment: 0,
            expectedRevision: 0,
          }),
        )
      ).status,
    ).toBe(400);
    const foreign = await ctx.db.rubricItem.create({
      data: { assignmentId: ctx.xor.id, questionKey: "other", key: "x", points: 1, description: "x", position: 9 },
    });
    const err = await refused(
      saveManualGrading(ctx.db, {
        termId: ctx.term.id,
        submissionId: ctx.proofId,
        graderId: ctx.ta.id,
        itemIds: [foreign.id],
        comment: "",
        adjustment: 0,
        expectedRevision: 99,
      }),
    );
    expect(err.status).toBe(400);
  });

  it("the queue lists final proofs, ungraded first, in the same order on every call", async () => {
    const q1 = await proofQueue(ctx.db, ctx.xor.id, "xor-proof");
    const q2 = await proofQueue(ctx.db, ctx.xor.id, "xor-proof");
    expect(q1).toEqual(q2);
    expect(q1.length).toBe(3);
    const firstGraded = q1.findIndex((e) => e.graded);
    expect(q1.slice(firstGraded).every((e) => e.graded)).toBe(true);
  });
});

describe("regrade all", () => {
  it("queues every graded submission that can count (best: all of a student's, never a Run) below students' own jobs, with progress", async () => {
    const p = await startRegrade(ctx.db, { termId: ctx.term.id, assignmentSlug: ctx.xor.slug, questionKey: "construction", actorId: ctx.ta.id });
    expect(p).toMatchObject({ total: 3, queued: 3, done: 0 });
    const jobs = await ctx.db.gradingJob.findMany();
    expect(jobs.every((j) => j.priority === PRIORITY.regrade && j.versionId === ctx.xor.currentVersionId)).toBe(true);
    const expected = await ctx.db.submission.findMany({
      where: { assignmentId: ctx.xor.id, questionKey: "construction", kind: "SUBMIT" },
      select: { id: true },
    });
    expect(jobs.map((j) => j.submissionId).sort()).toEqual(expected.map((s) => s.id).sort());
    await ctx.db.gradingJob.updateMany({ where: { id: jobs[0]!.id }, data: { status: "DONE" } });
    expect(await regradeProgress(ctx.db, ctx.term.id, p.batchId)).toMatchObject({ total: 3, queued: 2, done: 1 });
    expect(
      (await refused(startRegrade(ctx.db, { termId: ctx.term.id, assignmentSlug: ctx.xor.slug, questionKey: "xor-proof", actorId: ctx.ta.id }))).status,
    ).toBe(400);
  });

  it("under the latest policy queues only each student's latest graded submission", async () => {
    const p = await startRegrade(ctx.db, { termId: ctx.term.id, assignmentSlug: ctx.gb.slug, questionKey: "hoeffding", actorId: ctx.ta.id });
    const batch = await ctx.db.auditLog.findUniqueOrThrow({ where: { id: p.batchId } });
    const jobs = await ctx.db.gradingJob.findMany({ where: { id: { in: (batch.data as { jobIds: string[] }).jobIds } }, include: { submission: true } });
    expect(jobs.map((j) => j.submission.createdAt.toISOString())).toEqual(["2026-11-21T10:00:00.000Z"]);
  });
});
