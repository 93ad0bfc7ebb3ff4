// Attempt limits and declining credit on a multiple-choice question, end to end: real submit,
// real worker, real PostgreSQL. xor-ln-net's "ln-width2" (4 options, 2 points, correct "a") allows
// 3 attempts with credit { decline: 0.34, floor: 0 }: a right third attempt earns 32% of 2 points.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { submit, type SubmitInput } from "@/lib/submissions/submit";
import { HttpError } from "@/lib/http/http-error";
import { startWorker, type Worker } from "@/lib/queue/worker";
import { computeGradebook } from "@/lib/grades/gradebook";
import { studentProgress } from "@/lib/grades/student-progress";
import { historyOf } from "@/lib/submissions/views";
import { findAssignment } from "@/lib/assignments/queries";
import { studentAssignmentView } from "@/lib/assignments/student-view";
import { useFreshDatabase } from "./lib/test-db";
import { seedCourse } from "./lib/course-fixture";
import { refusal } from "./lib/refusal";

let db: PrismaClient;
let ctx: Awaited<ReturnType<typeof seedCourse>>;
let worker: Worker | undefined;
const now = new Date("2026-12-05T12:00:00Z"); // before xor-ln-net's due date
// Each submission a minute after the last, as a student's would be (attempts are numbered by time).
let submitted = 0;
const nextSubmitTime = () => new Date(now.getTime() + ++submitted * 60_000);

const answer = (userId: string, selected: string, kind: "SUBMIT" | "RUN" = "SUBMIT"): SubmitInput => ({
  userId,
  termId: ctx.term.id,
  assignmentSlug: "xor-ln-net",
  questionKey: "ln-width2",
  kind,
  answer: { selected: [selected] },
  isStaff: false,
  embedded: false,
  now: nextSubmitTime(),
});

async function waitGraded(submissionId: string, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const g = await db.grading.findFirst({ where: { submissionId } });
    if (g) return g;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`submission ${submissionId} was not graded within ${ms} ms`);
}

async function submitGraded(input: SubmitInput) {
  const s = await submit(db, input);
  return { ...s, grading: await waitGraded(s.submissionId) };
}

async function nextAttemptShown(userId: string) {
  const assignment = (await findAssignment(ctx.term.id, "xor-ln-net", false, now))!;
  const view = await studentAssignmentView({ assignment, courseSlug: ctx.course.slug, userId, isStaff: false, locale: "en", now });
  return view.questions.find((q) => q.id === "ln-width2")!.nextAttempt;
}

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedCourse(["xor-ln-net"], 2);
  db = ctx.db;
  worker = await startWorker({ name: "test", poolSize: 1, leaseMs: 2000, pollMs: 200, log: () => {} });
});
afterAll(async () => {
  await worker?.stop();
  await closeDb();
});

describe("declining credit on multiple choice", () => {
  it("a right third attempt after two wrong ones earns the declined credit everywhere, and a fourth is refused", async () => {
    const userId = ctx.students[0]!.id;
    expect(await nextAttemptShown(userId)).toEqual({ number: 1, max: 3, creditPercent: 100 });
    await submitGraded(answer(userId, "b"));
    await submitGraded(answer(userId, "c"));
    expect(await nextAttemptShown(userId)).toEqual({ number: 3, max: 3, creditPercent: 32 });
    const third = await submitGraded(answer(userId, "a"));
    expect(third.grading.score).toBe(2); // the grading itself is the answer's worth; credit is a grading rule

    const book = await computeGradebook(db, ctx.term.id);
    const a = book.assignments[0]!;
    const cell = book.rows
      .find((r) => r.student.userId === userId)!
      .results.get(a.id)!
      .cells.find((c) => c.questionKey === "ln-width2")!;
    expect(cell).toMatchObject({
      score: 0.64,
      rawScore: 0.64,
      penaltyPoints: 0,
      attempts: 3,
      submissionId: third.submissionId,
      attempt: { number: 3, credit: 0.32 },
    });
    const view = (await historyOf(db, userId, a.id, { duePassed: false, staff: false })).find((v) => v.id === third.submissionId)!;
    expect(view).toMatchObject({ score: 0.64, credit: { attempt: 3, fraction: 0.32 } });
    expect((await studentProgress(db, ctx.term.id, userId)).get(a.id)!.score).toBe(0.64);
    expect(await nextAttemptShown(userId)).toBeNull();

    const fourth = await refusal(submit(db, answer(userId, "a")), HttpError);
    expect(fourth.status).toBe(429);
    expect(fourth.message).toBe("You have used all 3 attempts for this question.");
    expect(await db.submission.count({ where: { userId, questionKey: "ln-width2" } })).toBe(3);
  });

  it("a right first attempt keeps full marks", async () => {
    const userId = ctx.students[1]!.id;
    const first = await submitGraded(answer(userId, "a"));
    const book = await computeGradebook(db, ctx.term.id, { userIds: [userId] });
    const a = book.assignments[0]!;
    const cell = book.rows[0]!.results.get(a.id)!.cells.find((c) => c.questionKey === "ln-width2")!;
    expect(cell).toMatchObject({ score: 2, submissionId: first.submissionId, attempt: { number: 1, credit: 1 } });
  });
});
