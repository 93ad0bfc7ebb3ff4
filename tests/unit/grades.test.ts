// The grading rules of lib/grades, case by case: which submission counts, which could count (what a
// regrade grades again), the late penalty with extensions, attempts, release, overrides.
import { describe, expect, it } from "vitest";
import { countedSubmission, latestSubmitted, submissionsThatCanCount, type Scored } from "@/lib/grades/counted";
import { afterLatePenalty, lateOutcome } from "@/lib/grades/late";
import { attemptsLeft, attemptsUsed, gradingFailedOnOurSide, type AttemptFacts } from "@/lib/grades/attempts";
import { isReleasedTo } from "@/lib/grades/release";
import { finalScore, newestOverride, scaledToPoints } from "@/lib/grades/final-score";
import { questionResult, type SubmissionFacts } from "@/lib/grades/question-result";

const at = (day: number) => new Date(Date.UTC(2026, 11, day, 12));
type Sub = Scored & { id: string };
const sub = (id: string, day: number, score: number | null, kind: "SUBMIT" | "RUN" = "SUBMIT"): Sub => ({ id, createdAt: at(day), score, kind });

describe("which submission counts", () => {
  const cases: { name: string; policy: "BEST" | "LATEST"; subs: Sub[]; counted: string | null }[] = [
    { name: "nothing submitted", policy: "BEST", subs: [], counted: null },
    { name: "best: the highest score", policy: "BEST", subs: [sub("a", 1, 3), sub("b", 2, 7), sub("c", 3, 5)], counted: "b" },
    { name: "best: the earliest of equal scores", policy: "BEST", subs: [sub("b", 2, 7), sub("a", 1, 7)], counted: "a" },
    { name: "latest: the most recent with a result", policy: "LATEST", subs: [sub("a", 1, 9), sub("b", 2, 2)], counted: "b" },
    { name: "latest: skips one still waiting for its result", policy: "LATEST", subs: [sub("a", 1, 9), sub("b", 2, null)], counted: "a" },
    { name: "best: a Run never counts, even with full marks", policy: "BEST", subs: [sub("a", 1, 1), sub("r", 2, 10, "RUN")], counted: "a" },
    { name: "latest: a Run never counts", policy: "LATEST", subs: [sub("a", 1, 1), sub("r", 2, 10, "RUN")], counted: "a" },
    { name: "only a Run: nothing counts", policy: "BEST", subs: [sub("r", 2, 10, "RUN")], counted: null },
    { name: "only ungraded: nothing counts", policy: "BEST", subs: [sub("a", 2, null)], counted: null },
  ];
  for (const c of cases) it(c.name, () => expect(countedSubmission(c.policy, c.subs)?.id ?? null).toBe(c.counted));
});

describe("which submissions could count (a regrade grades these)", () => {
  const s = (id: string, day: number, graded: boolean, kind: "SUBMIT" | "RUN" = "SUBMIT") => ({ id, createdAt: at(day), graded, kind });
  const cases: { name: string; policy: "BEST" | "LATEST"; subs: ReturnType<typeof s>[]; ids: string[] }[] = [
    { name: "best: every graded submission", policy: "BEST", subs: [s("a", 1, true), s("b", 2, true), s("c", 3, false)], ids: ["a", "b"] },
    { name: "latest: only the latest graded one", policy: "LATEST", subs: [s("a", 1, true), s("b", 2, true), s("c", 3, false)], ids: ["b"] },
    { name: "never a Run", policy: "BEST", subs: [s("r", 1, true, "RUN"), s("a", 2, true)], ids: ["a"] },
    { name: "latest: never a Run, even the newest", policy: "LATEST", subs: [s("a", 1, true), s("r", 2, true, "RUN")], ids: ["a"] },
    { name: "nothing graded: nothing", policy: "LATEST", subs: [s("a", 1, false)], ids: [] },
  ];
  for (const c of cases) it(c.name, () => expect(submissionsThatCanCount(c.policy, c.subs).map((x) => x.id)).toEqual(c.ids));

  it("the latest submitted (a proof's final version) ignores Runs and results", () => {
    expect(latestSubmitted([s("a", 1, true), s("b", 3, false), s("r", 4, true, "RUN")])?.id).toBe("b");
    expect(latestSubmitted([])).toBeNull();
  });
});

describe("late penalty with extensions", () => {
  const cases: { name: string; flagged: boolean; day: number; extension: number | null; late: boolean; score: number }[] = [
    { name: "on time: no penalty", flagged: false, day: 5, extension: null, late: false, score: 8 },
    { name: "late, no extension: the penalty", flagged: true, day: 9, extension: null, late: true, score: 6 },
    { name: "late, covered by an extension granted afterwards: no penalty", flagged: true, day: 9, extension: 10, late: false, score: 8 },
    { name: "late, after the extended due date too: the penalty", flagged: true, day: 11, extension: 10, late: true, score: 6 },
    { name: "on time stays on time whatever the extension", flagged: false, day: 5, extension: 3, late: false, score: 8 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const o = lateOutcome({ late: c.flagged, createdAt: at(c.day) }, { penalty: 0.25, extensionDueAt: c.extension === null ? null : at(c.extension) });
      expect(o.late).toBe(c.late);
      expect(afterLatePenalty(8, o)).toBe(c.score);
    });
  }
  it("rounds to 1e-6 and a zero penalty changes nothing", () => {
    expect(afterLatePenalty(1, { late: true, fraction: 1 / 3 })).toBe(0.666667);
    expect(afterLatePenalty(1.23456789, { late: true, fraction: 0 })).toBe(1.23456789);
  });
});

describe("attempts used", () => {
  const f = (kind: "SUBMIT" | "RUN", hasResult: boolean, jobStatuses: AttemptFacts["jobStatuses"]): AttemptFacts => ({ kind, hasResult, jobStatuses });
  const cases: { name: string; subs: AttemptFacts[]; used: number }[] = [
    { name: "none", subs: [], used: 0 },
    {
      name: "graded, queued and awaiting a grader all count",
      subs: [f("SUBMIT", true, ["DONE"]), f("SUBMIT", false, ["QUEUED"]), f("SUBMIT", false, [])],
      used: 3,
    },
    { name: "a Run never counts", subs: [f("RUN", true, ["DONE"])], used: 0 },
    { name: "a grading that failed on our side does not count", subs: [f("SUBMIT", false, ["FAILED"]), f("SUBMIT", true, ["DONE"])], used: 1 },
    { name: "a graded submission whose regrade failed still counts", subs: [f("SUBMIT", true, ["DONE", "FAILED"])], used: 1 },
  ];
  for (const c of cases) it(c.name, () => expect(attemptsUsed(c.subs)).toBe(c.used));
  it("failed on our side needs no result and every job failed", () => {
    expect(gradingFailedOnOurSide({ hasResult: false, jobStatuses: ["FAILED", "FAILED"] })).toBe(true);
    expect(gradingFailedOnOurSide({ hasResult: false, jobStatuses: ["FAILED", "QUEUED"] })).toBe(false);
    expect(gradingFailedOnOurSide({ hasResult: false, jobStatuses: [] })).toBe(false);
  });
  it("attempts left: none below zero, null without a limit", () => {
    expect([attemptsLeft(2, 3), attemptsLeft(5, 3), attemptsLeft(5, undefined)]).toEqual([1, 0, null]);
  });
});

describe("release to a viewer", () => {
  const a = (releaseDay: number, hidden = false) => ({ releaseAt: at(releaseDay), hidden });
  const cases: { name: string; a: ReturnType<typeof a>; isStaff: boolean; released: boolean }[] = [
    { name: "released: students see it", a: a(1), isStaff: false, released: true },
    { name: "released at this very moment: students see it", a: a(3), isStaff: false, released: true },
    { name: "not yet released: students do not", a: a(4), isStaff: false, released: false },
    { name: "not yet released: staff do", a: a(4), isStaff: true, released: true },
    { name: "hidden (folder deleted): nobody", a: a(1, true), isStaff: true, released: false },
  ];
  for (const c of cases) it(c.name, () => expect(isReleasedTo(c.a, { isStaff: c.isStaff }, at(3))).toBe(c.released));
});

describe("final score after overrides", () => {
  it("an override replaces the computed score, also where nothing was computed", () => {
    expect([finalScore(4, null), finalScore(4, { score: 1 }), finalScore(null, { score: 0 }), finalScore(null, null)]).toEqual([4, 1, 0, null]);
  });
  it("the newest override wins", () => {
    expect(
      newestOverride([
        { score: 1, createdAt: at(2) },
        { score: 3, createdAt: at(5) },
        { score: 2, createdAt: at(4) },
      ])?.score,
    ).toBe(3);
    expect(newestOverride([])).toBeNull();
  });
  it("a grading made for other points is rescaled to today's", () => {
    expect([scaledToPoints({ score: 3, maxScore: 4 }, 8), scaledToPoints({ score: 3, maxScore: 4 }, 4), scaledToPoints({ score: 0, maxScore: 0 }, 2)]).toEqual([
      6, 3, 0,
    ]);
  });
});

describe("one question's result", () => {
  const facts = (id: string, day: number, raw: number | null, over: Partial<SubmissionFacts> = {}): SubmissionFacts => ({
    id,
    kind: "SUBMIT",
    createdAt: at(day),
    late: false,
    result: raw === null ? null : { raw, gradedAt: at(day), grader: null, versionNumber: 1 },
    jobStatuses: raw === null ? ["QUEUED"] : ["DONE"],
    ...over,
  });
  const ctx = { penalty: 0.5, extensionDueAt: null };
  it("best after the penalty: a late high score can lose to an earlier on-time one", () => {
    const r = questionResult("BEST", ctx, [facts("a", 1, 6), facts("b", 9, 10, { late: true })], null);
    expect(r).toMatchObject({ score: 6, counted: { id: "a" }, late: false, penaltyPoints: 0, attempts: 2 });
  });
  it("declining credit: a right third attempt earns its declined share, before the late penalty", () => {
    const credit = { decline: 0.34, floor: 0 };
    const subs = [facts("a", 1, 0), facts("run", 2, 3, { kind: "RUN" }), facts("b", 3, 0), facts("c", 4, 3)];
    expect(questionResult("BEST", ctx, subs, null, credit)).toMatchObject({
      score: 0.96,
      rawScore: 0.96,
      penaltyPoints: 0,
      attempt: { number: 3, credit: 0.32 },
    });
    const late = [facts("a", 1, 0), facts("b", 9, 3, { late: true })];
    expect(questionResult("BEST", ctx, late, null, credit)).toMatchObject({ score: 0.99, rawScore: 1.98, penaltyPoints: 0.99 });
  });
  it("declining credit: a grading that failed on our side does not use up credit", () => {
    const subs = [facts("a", 1, null, { jobStatuses: ["FAILED"] }), facts("b", 2, 3)];
    expect(questionResult("LATEST", ctx, subs, null, { decline: 0.5, floor: 0 })).toMatchObject({ score: 3, attempt: { number: 1, credit: 1 } });
  });
  it("reports the penalty of a counted late submission", () => {
    const r = questionResult("BEST", ctx, [facts("a", 1, 2), facts("b", 9, 10, { late: true })], null);
    expect(r).toMatchObject({ score: 5, rawScore: 10, penaltyPoints: 5, late: true, counted: { id: "b" } });
  });
  it("pending while a newer submission waits; not for one that failed on our side", () => {
    expect(questionResult("BEST", ctx, [facts("a", 1, 2), facts("b", 2, null)], null).pending).toBe(true);
    expect(questionResult("BEST", ctx, [facts("a", 1, 2), facts("b", 2, null, { jobStatuses: ["FAILED"] })], null)).toMatchObject({
      pending: false,
      attempts: 1,
    });
  });
  it("an override keeps what was computed beside it", () => {
    expect(questionResult("LATEST", ctx, [facts("a", 1, 2)], { score: 4, createdAt: at(3) })).toMatchObject({ score: 4, computed: 2, counted: { id: "a" } });
  });
});
