// Course policies against the real database and the real submit path: late days spent at submit
// (precedence: extension or accommodation, then late days, then the penalty) and never twice under
// concurrent submits; grade release held until Publish; regrade requests; and every view (submission view, course
// home, gradebook, export) reading the same computation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { closeDb } from "@/lib/db";
import { computeGradebook } from "@/lib/grades/gradebook";
import { studentProgress } from "@/lib/grades/student-progress";
import { historyOf } from "@/lib/submissions/views";
import { submit } from "@/lib/submissions/submit";
import { saveManualGrading } from "@/lib/grades/manual-grading";
import { setGradesPublished } from "@/lib/grades/publish";
import { setAccommodation } from "@/lib/grades/accommodations";
import { exportGrades } from "@/lib/export/gradebook-csv";
import { HttpError } from "@/lib/http/http-error";
import { answerRegradeRequest, createRegradeRequest, studentRegradeRequests, REGRADE_RATE } from "@/lib/grades/regrade-requests";
import { useFreshDatabase } from "./lib/test-db";
import { seedCourse } from "./lib/course-fixture";

let ctx: Awaited<ReturnType<typeof seedCourse>>;
// xor-ln-net is due 2026-12-08T23:59Z, late until 2026-12-11T23:59Z at −20%; "ln-width2" is a
// 2-point multiple-choice question, "xor-proof" a proof. layernorm is moved to the same due date
// with no late window, so a late submission there is accepted only on late days.
const DUE = new Date("2026-12-08T23:59:00Z");
const TEN_HOURS_LATE = new Date(DUE.getTime() + 10 * 3_600_000);

async function assignment(slug: string) {
  return ctx.db.assignment.findFirstOrThrow({ where: { slug }, include: { currentVersion: { include: { questions: true } } } });
}

/** Writes a full-marks result for an auto-graded submission (what the worker would write). */
async function fullMarks(submissionId: string) {
  const s = await ctx.db.submission.findUniqueOrThrow({ where: { id: submissionId }, include: { question: true } });
  await ctx.db.grading.create({
    data: {
      submissionId,
      versionId: s.versionId,
      score: s.question.points,
      maxScore: s.question.points,
      status: "graded",
      report: { score: s.question.points, maxScore: s.question.points, status: "graded", tests: [] },
    },
  });
}

const choice = { answer: { selected: ["a"] } };
const send = (userId: string, assignmentSlug: string, questionKey: string, now: Date, extra: object = choice) =>
  submit(ctx.db, { userId, termId: ctx.term.id, assignmentSlug, questionKey, kind: "SUBMIT", isStaff: false, embedded: false, now, ...extra });

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedCourse(["xor-ln-net", "layernorm"], 12);
  await ctx.db.course.update({ where: { id: ctx.course.id }, data: { lateDayCount: 1, lateDayHours: 24 } });
  await ctx.db.assignment.updateMany({ where: { slug: "layernorm" }, data: { dueAt: DUE, lateUntil: null, latePenalty: 0 } });
});
afterAll(async () => closeDb());

describe("late days and accommodations", () => {
  it("apply in order — extension, accommodation, late days, then the penalty — and every view shows the same score", async () => {
    const { db, term, students } = ctx;
    const a = await assignment("xor-ln-net");
    const layernorm = await assignment("layernorm");
    const [ext, acc, days, spent, none] = students.map((s) => s.id);
    await db.extension.create({ data: { userId: ext!, assignmentId: a.id, dueAt: new Date("2026-12-10T23:59:00Z") } });
    await setAccommodation(db, { termId: term.id, userId: acc!, accommodationDays: 2, extraLateDays: 0, reason: "letter", actorId: ctx.ta.id });
    // This student spent their one late day on layernorm already.
    const spentEnrollment = await db.enrollment.findFirstOrThrow({ where: { userId: spent!, termId: term.id } });
    await db.lateDaySpend.create({ data: { enrollmentId: spentEnrollment.id, assignmentId: layernorm.id, days: 1 } });
    // And this one has no late days at all (the course budget is 1; none granted, 1 taken back by a cap of 0).
    await db.assignment.update({ where: { id: a.id }, data: { maxLateDays: null } });

    const results = new Map<string, Awaited<ReturnType<typeof send>>>();
    for (const u of [ext!, acc!, days!, spent!]) results.set(u, await send(u, "xor-ln-net", "ln-width2", TEN_HOURS_LATE));
    // On time for comparison.
    results.set(none!, await send(none!, "xor-ln-net", "ln-width2", new Date(DUE.getTime() - 3_600_000)));
    for (const r of results.values()) await fullMarks(r.submissionId);

    expect(results.get(days!)!.lateDays).toBe(1);
    expect(results.get(ext!)!.lateDays).toBeUndefined();
    expect(results.get(acc!)!.lateDays).toBeUndefined();
    expect(results.get(spent!)!.lateDays).toBeUndefined();

    const points = 2;
    const penalized = Math.round(points * (1 - a.latePenalty) * 1e6) / 1e6;
    const want = new Map([
      [ext!, { score: points, late: false, lateDays: false }],
      [acc!, { score: points, late: false, lateDays: false }],
      [days!, { score: points, late: false, lateDays: true }],
      [spent!, { score: penalized, late: true, lateDays: false }],
      [none!, { score: points, late: false, lateDays: false }],
    ]);
    const book = await computeGradebook(db, term.id);
    const long = parse(await exportGrades(db, { termId: term.id, format: "long", assignmentSlug: "xor-ln-net" }), { columns: true }) as Record<
      string,
      string
    >[];
    for (const [userId, w] of want) {
      const email = students.find((s) => s.id === userId)!.email;
      const cell = book.rows
        .find((r) => r.student.userId === userId)!
        .results.get(a.id)!
        .cells.find((c) => c.questionKey === "ln-width2")!;
      const view = (await historyOf(db, userId, a.id, { duePassed: true, staff: false })).find((h) => h.questionKey === "ln-width2")!;
      const home = (await studentProgress(db, term.id, userId)).get(a.id)!;
      const row = long.find((r) => r.email === email && r.question === "ln-width2")!;
      expect({ cell: cell.score, late: cell.late, lateDays: cell.lateDays }, email).toEqual({ cell: w.score, late: w.late, lateDays: w.lateDays });
      expect({ view: view.score, late: view.late, lateDays: view.lateDays === true }, email).toEqual({ view: w.score, late: w.late, lateDays: w.lateDays });
      expect(home.score, email).toBe(w.score);
      expect(Number(row.score), email).toBe(w.score);
    }
    // The accommodation moved this student's own due date by two days.
    const accHome = (await studentProgress(db, term.id, acc!)).get(a.id)!;
    expect(accHome.dueAt.toISOString()).toBe("2026-12-10T23:59:00.000Z");
    expect((await studentProgress(db, term.id, days!)).get(a.id)!.lateDays).toBe(1);
  });

  it("refuses a submission past the late window when late days cannot cover it, saying why", async () => {
    const { students } = ctx;
    const u = students[5]!.id;
    // layernorm has no late window: 30 hours late needs 2 days, the budget is 1.
    const err = await send(u, "layernorm", "norms", new Date(DUE.getTime() + 30 * 3_600_000), { code: "export const x = 1;" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(403);
    expect((err as HttpError).message).toMatch(/needs 2 more late days and you have 1 left/);
    const ok = await send(u, "layernorm", "norms", TEN_HOURS_LATE, { code: "export const x = 1;" });
    expect(ok.lateDays).toBe(1);
  });

  it("never spends the same late day twice when two submissions to different assignments arrive at once", async () => {
    const { db, term, students } = ctx;
    const racers = students.slice(6, 12).map((s) => s.id);
    const outcomes = await Promise.all(
      racers.map(async (u) =>
        Promise.allSettled([
          send(u, "xor-ln-net", "ln-width2", TEN_HOURS_LATE),
          send(u, "layernorm", "norms", TEN_HOURS_LATE, { code: "export const y = 2;" }),
        ]),
      ),
    );
    for (const [i, [xor, ln]] of outcomes.entries()) {
      const enrollment = await db.enrollment.findFirstOrThrow({ where: { userId: racers[i]!, termId: term.id }, include: { lateDaySpends: true } });
      const spent = enrollment.lateDaySpends.reduce((n, s) => n + s.days, 0);
      expect(spent, `student ${i}`).toBe(1);
      const covered = [xor, ln].filter((r) => r.status === "fulfilled" && r.value.lateDays === 1).length;
      expect(covered, `student ${i}`).toBe(1);
      // The other one fell through: late with the penalty (xor-ln-net has a late window) or refused (layernorm has none).
      if (ln.status === "rejected") expect((ln.reason as HttpError).status).toBe(403);
      else expect(xor.status === "fulfilled" && xor.value.late && xor.value.lateDays === undefined).toBe(true);
    }
  });
});

describe("grade release", () => {
  it("holds manual grades back from the student, the course home and the export until Publish, and audits Publish/Unpublish", async () => {
    const { db, term, students, ta } = ctx;
    const a = await assignment("xor-ln-net");
    await db.assignment.update({ where: { id: a.id }, data: { gradeRelease: "MANUAL", gradesPublishedAt: null } });
    const u = students[4]!.id;
    const email = students[4]!.email;
    const proof = await send(u, "xor-ln-net", "xor-proof", new Date(DUE.getTime() - 7_200_000), { answer: { text: "Suppose a linear separator exists..." } });
    const items = await db.rubricItem.findMany({ where: { assignmentId: a.id, questionKey: "xor-proof" }, orderBy: { position: "asc" } });
    await saveManualGrading(db, {
      termId: term.id,
      submissionId: proof.submissionId,
      graderId: ta.id,
      itemIds: [items[0]!.id],
      comment: "Good start",
      adjustment: 0,
      expectedRevision: 0,
    });
    const seen = async () => {
      const view = (await historyOf(db, u, a.id, { duePassed: true, staff: false })).find((h) => h.questionKey === "xor-proof")!;
      const home = (await studentProgress(db, term.id, u)).get(a.id)!;
      const long = parse(await exportGrades(db, { termId: term.id, format: "long", assignmentSlug: "xor-ln-net" }), { columns: true }) as Record<
        string,
        string
      >[];
      const withHeld = parse(await exportGrades(db, { termId: term.id, format: "long", assignmentSlug: "xor-ln-net", includeUnreleased: true }), {
        columns: true,
      }) as Record<string, string>[];
      const staffView = (await historyOf(db, u, a.id, { duePassed: true, staff: true })).find((h) => h.questionKey === "xor-proof")!;
      const row = (rows: Record<string, string>[]) => rows.find((r) => r.email === email && r.question === "xor-proof")!.score;
      return {
        unreleased: view.unreleased === true,
        viewScore: view.score ?? null,
        comment: view.manual?.comment ?? null,
        homeUnreleased: home.unreleased,
        exported: row(long),
        exportedWithHeld: row(withHeld),
        staffScore: staffView.score ?? null,
      };
    };
    const points = items[0]!.points;
    expect(await seen()).toEqual({
      unreleased: true,
      viewScore: null,
      comment: null,
      homeUnreleased: true,
      exported: "",
      exportedWithHeld: String(points),
      staffScore: points,
    });
    await setGradesPublished(db, { termId: term.id, assignmentSlug: "xor-ln-net", published: true, actorId: ta.id });
    expect(await seen()).toEqual({
      unreleased: false,
      viewScore: points,
      comment: "Good start",
      homeUnreleased: false,
      exported: String(points),
      exportedWithHeld: String(points),
      staffScore: points,
    });
    await setGradesPublished(db, { termId: term.id, assignmentSlug: "xor-ln-net", published: false, actorId: ta.id });
    expect((await seen()).unreleased).toBe(true);
    const audit = await db.auditLog.findMany({ where: { termId: term.id, action: { startsWith: "grades.publish" } }, orderBy: { createdAt: "asc" } });
    const unaudit = await db.auditLog.findMany({ where: { termId: term.id, action: "grades.unpublish" } });
    expect(audit.map((x) => x.actorId)).toEqual([ta.id]);
    expect(unaudit).toHaveLength(1);
    // Auto-graded scores stay visible under manual release, unless the assignment hides scores until release.
    const mc = (await historyOf(db, students[3]!.id, a.id, { duePassed: true, staff: false })).find((h) => h.questionKey === "ln-width2")!;
    expect(mc.score).toBeGreaterThan(0);
    await db.assignment.update({ where: { id: a.id }, data: { hideScoresUntilRelease: true } });
    const hidden = (await historyOf(db, students[3]!.id, a.id, { duePassed: true, staff: false })).find((h) => h.questionKey === "ln-width2")!;
    expect({ unreleased: hidden.unreleased, score: hidden.score, tests: hidden.tests }).toEqual({ unreleased: true, score: undefined, tests: undefined });
    await db.assignment.update({ where: { id: a.id }, data: { hideScoresUntilRelease: false, gradeRelease: "AUTO" } });
  });

  it("shows after_published test details only once the grades are published", async () => {
    const { db, term, students, ta } = ctx;
    const a = await assignment("layernorm");
    const u = students[2]!.id;
    const s = await send(u, "layernorm", "norms", new Date(DUE.getTime() - 3_600_000), { code: "export const z = 3;" });
    const report = {
      score: 0,
      maxScore: 1,
      status: "graded",
      tests: [{ name: "explained after publishing", score: 0, maxScore: 1, status: "failed", visibility: "after_published", message: "expected 0.5" }],
    };
    await db.grading.create({ data: { submissionId: s.submissionId, versionId: a.currentVersionId!, score: 0, maxScore: 1, status: "graded", report } });
    const message = async () =>
      (await historyOf(db, u, a.id, { duePassed: true, staff: false })).find((h) => h.id === s.submissionId)!.tests![0]!.message ?? null;
    expect(await message()).toBeNull();
    await setGradesPublished(db, { termId: term.id, assignmentSlug: "layernorm", published: true, actorId: ta.id });
    expect(await message()).toBe("expected 0.5");
  });
});

describe("regrade requests", () => {
  const refusal = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => (e instanceof HttpError ? [e.status, e.message] : e));

  it("a student asks once per question inside the window; a TA answers and passes it on; the instructor resolves it; all audited", async () => {
    const { db, term, students, ta } = ctx;
    const a = await assignment("xor-ln-net");
    const u = students[4]!.id;
    const proof = await db.submission.findFirstOrThrow({ where: { userId: u, assignmentId: a.id, questionKey: "xor-proof" } });
    const ask = (now: Date, extra: Partial<Parameters<typeof createRegradeRequest>[1]> = {}) =>
      createRegradeRequest(db, {
        termId: term.id,
        userId: u,
        submissionId: proof.id,
        target: "combine",
        text: "The contradiction is in line 3.",
        now,
        ...extra,
      });
    // Under auto release the window opens at the due date and closes regradeWindowDays (7) later.
    expect(await refusal(ask(new Date(DUE.getTime() - 3_600_000)))).toEqual([403, expect.stringMatching(/open on .* after the due date/)]);
    expect(await refusal(ask(new Date(DUE.getTime() + 8 * 24 * 3_600_000)))).toEqual([403, expect.stringMatching(/window .* closed/)]);
    expect(await refusal(ask(TEN_HOURS_LATE, { target: "no-such-item" }))).toEqual([400, expect.stringMatching(/not a test or rubric item/)]);
    const other = students[0]!.id;
    expect(await refusal(ask(TEN_HOURS_LATE, { userId: other }))).toEqual([404, "No such submission."]);
    const { id } = await ask(TEN_HOURS_LATE);
    expect(await refusal(ask(TEN_HOURS_LATE))).toEqual([409, expect.stringMatching(/already have an open regrade request/)]);

    const instructor = await db.user.create({ data: { email: "prof@x.test", name: "Prof" } });
    await db.enrollment.create({ data: { userId: instructor.id, termId: term.id, role: "INSTRUCTOR" } });
    let minute = 0;
    const answer = (action: "reply" | "escalate" | "resolve" | "reopen", actorId: string, actorRole: "TA" | "INSTRUCTOR", text: string) =>
      answerRegradeRequest(db, {
        termId: term.id,
        requestId: id,
        actorId,
        actorRole,
        action,
        text,
        now: new Date(TEN_HOURS_LATE.getTime() + ++minute * 60_000),
      });
    await answer("reply", ta.id, "TA", "Looking at it.");
    expect(await refusal(answer("escalate", instructor.id, "INSTRUCTOR", "x1"))).toEqual([400, expect.stringMatching(/Only a TA/)]);
    await answer("escalate", ta.id, "TA", "Passing this to the instructor.");
    await answer("resolve", instructor.id, "INSTRUCTOR", "Granted: +2 for combine.");
    expect(await refusal(answer("reply", ta.id, "TA", "late reply"))).toEqual([409, expect.stringMatching(/resolved; reopen it first/)]);

    const [mine] = await studentRegradeRequests(db, u, a.id);
    expect({ status: mine!.status, outcome: mine!.outcome, target: mine!.target, thread: mine!.messages.map((m) => m.text) }).toEqual({
      status: "RESOLVED",
      outcome: "Granted: +2 for combine.",
      target: "combine",
      thread: ["The contradiction is in line 3.", "Looking at it.", "Passing this to the instructor.", "Granted: +2 for combine."],
    });
    const audit = await db.auditLog.findMany({ where: { termId: term.id, action: { startsWith: "regrade." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((x) => x.action)).toEqual(["regrade.request", "regrade.reply", "regrade.escalate", "regrade.resolve"]);
    // Resolved, the question is open for a new request.
    expect(await refusal(ask(TEN_HOURS_LATE, { target: null }))).toBeNull();
  });

  it("waits for the grade's release under manual release, and limits requests per day", async () => {
    const { db, term, students, ta } = ctx;
    const a = await assignment("xor-ln-net");
    await db.assignment.update({ where: { id: a.id }, data: { gradeRelease: "MANUAL", gradesPublishedAt: null } });
    const u = students[0]!.id;
    const mc = await db.submission.findFirstOrThrow({ where: { userId: u, assignmentId: a.id, questionKey: "ln-width2", gradings: { some: {} } } });
    const ask = (now: Date) => createRegradeRequest(db, { termId: term.id, userId: u, submissionId: mc.id, target: null, text: "Option a is right.", now });
    expect(await refusal(ask(TEN_HOURS_LATE))).toEqual([403, expect.stringMatching(/open when its grades are released/)]);
    const published = new Date(DUE.getTime() + 2 * 24 * 3_600_000);
    await setGradesPublished(db, { termId: term.id, assignmentSlug: "xor-ln-net", published: true, actorId: ta.id, now: published });
    expect(await refusal(ask(new Date(published.getTime() + 8 * 24 * 3_600_000)))).toEqual([403, expect.stringMatching(/closed/)]);
    // Rate limit: resolve each request and ask again, until the day's allowance is spent.
    const at = new Date(published.getTime() + 3_600_000);
    for (let i = 0; i < REGRADE_RATE.perDay; i++) {
      const { id } = await ask(at);
      await answerRegradeRequest(db, { termId: term.id, requestId: id, actorId: ta.id, actorRole: "TA", action: "resolve", text: "No change." });
    }
    expect(await refusal(ask(at))).toEqual([429, expect.stringMatching(/At most 5 regrade requests a day/)]);
    await db.assignment.update({ where: { id: a.id }, data: { gradeRelease: "AUTO" } });
  });
});
