// The database backs the grading rules: scores within [0, max], penalties in [0, 1], real people
// behind extensions and overrides, real versions behind gradings, one pseudonym per course (the
// leaderboard route answers a taken one with a clear 409), and one default for a job's attempts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { MAX_JOB_ATTEMPTS } from "@/lib/queue/jobs";
import { useFreshDatabase } from "./lib/test-db";
import { seedCourse } from "./lib/course-fixture";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (orig) => ({ ...(await orig<object>()), getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));

let ctx: Awaited<ReturnType<typeof seedCourse>>;

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedCourse(["xor-ln-net"], 3);
});
afterAll(closeDb);

async function fixture() {
  const a = await ctx.db.assignment.findFirstOrThrow({ where: { slug: "xor-ln-net" }, include: { currentVersion: { include: { questions: true } } } });
  const q = a.currentVersion!.questions.find((x) => x.key === "ln-width2")!;
  const s = await ctx.db.submission.create({
    data: {
      userId: ctx.students[0]!.id,
      assignmentId: a.id,
      versionId: a.currentVersionId!,
      questionId: q.id,
      questionKey: q.key,
      answer: { selected: ["a"] },
    },
  });
  return { a, q, s };
}

/** The write is refused by the database (a CHECK or foreign key), not by our code. */
async function refusedByDatabase(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    return String((error as Error).message);
  }
  throw new Error("the database accepted the write");
}

describe("constraints in the database", () => {
  it("a grading's score lies within [0, its maximum], and its version exists", async () => {
    const { a, s } = await fixture();
    const grading = (score: number, versionId = a.currentVersionId!) =>
      ctx.db.grading.create({ data: { submissionId: s.id, versionId, score, maxScore: 2, status: "graded", report: {} } });
    expect(await refusedByDatabase(grading(2.5))).toMatch(/Grading_score_check|check constraint/i);
    expect(await refusedByDatabase(grading(-1))).toMatch(/Grading_score_check|check constraint/i);
    expect(await refusedByDatabase(grading(1, "no-such-version"))).toMatch(/Grading_versionId_fkey|foreign key/i);
    const ok = await grading(2);
    expect(
      await refusedByDatabase(
        ctx.db.testResult.create({ data: { gradingId: ok.id, position: 0, name: "t", score: 3, maxScore: 2, status: "passed", visibility: "visible" } }),
      ),
    ).toMatch(/TestResult_score_check|check constraint/i);
  });

  it("a late penalty is a fraction in [0, 1] and an override is not negative", async () => {
    const { a } = await fixture();
    expect(await refusedByDatabase(ctx.db.assignment.update({ where: { id: a.id }, data: { latePenalty: 1.5 } }))).toMatch(
      /latePenalty_check|check constraint/i,
    );
    expect(await refusedByDatabase(ctx.db.assignment.update({ where: { id: a.id }, data: { latePenalty: -0.1 } }))).toMatch(
      /latePenalty_check|check constraint/i,
    );
    expect(
      await refusedByDatabase(
        ctx.db.gradeOverride.create({ data: { userId: ctx.students[1]!.id, assignmentId: a.id, questionKey: "ln-width2", score: -1, reason: "x" } }),
      ),
    ).toMatch(/GradeOverride_score_check|check constraint/i);
  });

  it("extensions and overrides name a real author, and lose the name when that person is deleted", async () => {
    const { a } = await fixture();
    const student = ctx.students[2]!.id;
    expect(
      await refusedByDatabase(ctx.db.extension.create({ data: { userId: student, assignmentId: a.id, dueAt: new Date(), createdById: "nobody" } })),
    ).toMatch(/Extension_createdById_fkey|foreign key/i);
    expect(
      await refusedByDatabase(
        ctx.db.gradeOverride.create({ data: { userId: student, assignmentId: a.id, questionKey: "ln-width2", score: 1, reason: "x", createdById: "nobody" } }),
      ),
    ).toMatch(/GradeOverride_createdById_fkey|foreign key/i);
    const author = await ctx.db.user.create({ data: { email: "leaving-ta@x.test", name: "Leaving TA" } });
    const ext = await ctx.db.extension.create({ data: { userId: student, assignmentId: a.id, dueAt: new Date(), createdById: author.id } });
    const ov = await ctx.db.gradeOverride.create({
      data: { userId: student, assignmentId: a.id, questionKey: "ln-width2", score: 1, reason: "x", createdById: author.id },
    });
    await ctx.db.user.delete({ where: { id: author.id } });
    expect((await ctx.db.extension.findUniqueOrThrow({ where: { id: ext.id } })).createdById).toBeNull();
    expect((await ctx.db.gradeOverride.findUniqueOrThrow({ where: { id: ov.id } })).createdById).toBeNull();
  });

  it("a job created without maxAttempts gets the code's MAX_JOB_ATTEMPTS", async () => {
    const { s } = await fixture();
    expect((await ctx.db.gradingJob.create({ data: { submissionId: s.id } })).maxAttempts).toBe(MAX_JOB_ATTEMPTS);
  });
});

describe("leaderboard pseudonyms", () => {
  it("two students writing the same pseudonym at once: exactly one gets it", async () => {
    const [x, y] = [ctx.students[0]!.id, ctx.students[1]!.id];
    const write = (userId: string) =>
      ctx.db.enrollment.update({ where: { userId_termId: { userId, termId: ctx.term.id } }, data: { pseudonym: "Same Name", leaderboardOptIn: true } });
    const results = await Promise.allSettled([write(x), write(y)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(isUniqueViolation((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toBe(true);
  });

  it("the route answers a pseudonym taken in the course with 409 and what to do", async () => {
    const { PUT } = await import("@/app/api/leaderboard/route");
    const put = (userId: string, pseudonym: string) => {
      session.userId = userId;
      return PUT(
        new Request("http://localhost/api/leaderboard", {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ course: "ml-theory", optIn: true, pseudonym }),
        }),
      );
    };
    expect((await put(ctx.students[2]!.id, "Quiet Fox")).status).toBe(200);
    const taken = await put(ctx.students[1]!.id, "Quiet Fox");
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: string }).error).toBe("Someone in this course already uses that pseudonym; choose another.");
    expect((await put(ctx.students[2]!.id, "Quiet Fox")).status).toBe(200); // keeping one's own is fine
  });
});
