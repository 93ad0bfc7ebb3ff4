// The rules of lib/grades for late days, accommodations and grade release, case by case.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lateOutcome, type LateContext } from "@/lib/grades/late";
import { decideLateDays, lateDaysCoverUntil, lateDaysNeeded } from "@/lib/grades/late-days";
import { questionReleaseMode, scoreReleased, type ReleaseFacts } from "@/lib/grades/release";
import { effectiveDeadlines } from "@/lib/submissions/policy";
import { assignmentSchema } from "@/lib/assignments/schema";
import { loadCourseFolder } from "@/lib/courses/course-folder";
import { defineTests } from "@/grader/testing";

const H = 3_600_000;
const due = new Date("2026-12-08T23:59:00Z");
const at = (hoursAfterDue: number) => new Date(due.getTime() + hoursAfterDue * H);

describe("late precedence: extension, then late days, then the penalty", () => {
  const cases: { name: string; sub: number; ctx: LateContext; late: boolean; lateDays: boolean; fraction: number }[] = [
    { name: "on time", sub: -1, ctx: { penalty: 0.2, extensionDueAt: null }, late: false, lateDays: false, fraction: 0 },
    { name: "late, nothing covers it", sub: 10, ctx: { penalty: 0.2, extensionDueAt: null }, late: true, lateDays: false, fraction: 0.2 },
    {
      name: "an extension covers it (late days untouched)",
      sub: 10,
      ctx: { penalty: 0.2, extensionDueAt: at(24), lateDaysUntil: at(48) },
      late: false,
      lateDays: false,
      fraction: 0,
    },
    { name: "late days cover it", sub: 10, ctx: { penalty: 0.2, extensionDueAt: null, lateDaysUntil: at(24) }, late: false, lateDays: true, fraction: 0 },
    {
      name: "late days cover it past the extension",
      sub: 30,
      ctx: { penalty: 0.2, extensionDueAt: at(24), lateDaysUntil: at(48) },
      late: false,
      lateDays: true,
      fraction: 0,
    },
    {
      name: "after what late days cover: the penalty",
      sub: 30,
      ctx: { penalty: 0.2, extensionDueAt: null, lateDaysUntil: at(24) },
      late: true,
      lateDays: false,
      fraction: 0.2,
    },
    {
      name: "exactly at the end of a late day is covered",
      sub: 24,
      ctx: { penalty: 0.2, extensionDueAt: null, lateDaysUntil: at(24) },
      late: false,
      lateDays: true,
      fraction: 0,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const o = lateOutcome({ late: c.sub > 0, createdAt: at(c.sub) }, c.ctx);
      expect({ late: o.late, lateDays: o.lateDays === true, fraction: o.fraction }).toEqual({ late: c.late, lateDays: c.lateDays, fraction: c.fraction });
    });
  }
});

describe("late days", () => {
  it("counts whole days started after the due date", () => {
    expect([-1, 0, 0.01, 24, 24.01, 47, 49].map((h) => lateDaysNeeded(due, at(h), 24))).toEqual([0, 0, 1, 1, 2, 2, 3]);
    expect(lateDaysNeeded(due, at(13), 12)).toBe(2);
    expect(lateDaysCoverUntil(due, 2, 24)).toEqual(at(48));
    expect(lateDaysCoverUntil(due, 0, 24)).toBeNull();
  });

  const decisions = [
    { name: "spends what is needed", f: { needed: 2, spentHere: 0, spentTotal: 0, budget: 3, maxHere: null }, want: { covered: true, spendTo: 2 } },
    {
      name: "a later submission spends only the difference",
      f: { needed: 2, spentHere: 1, spentTotal: 2, budget: 3, maxHere: null },
      want: { covered: true, spendTo: 2 },
    },
    {
      name: "days already spent here cover an earlier-late submission",
      f: { needed: 1, spentHere: 2, spentTotal: 3, budget: 3, maxHere: null },
      want: { covered: true, spendTo: 2 },
    },
    {
      name: "not more than the budget",
      f: { needed: 2, spentHere: 0, spentTotal: 2, budget: 3, maxHere: null },
      covered: false,
      reason: /needs 2 more late days and you have 1 left/,
    },
    {
      name: "not more than the assignment's cap",
      f: { needed: 3, spentHere: 0, spentTotal: 0, budget: 5, maxHere: 2 },
      covered: false,
      reason: /at most 2 late days/,
    },
    {
      name: "granted days add to the budget",
      f: { needed: 1, spentHere: 0, spentTotal: 3, budget: 3 + 1, maxHere: null },
      want: { covered: true, spendTo: 1 },
    },
  ] as const;
  for (const d of decisions) {
    it(d.name, () => {
      const got = decideLateDays(d.f);
      if ("want" in d) expect(got).toEqual(d.want);
      else {
        expect(got.covered).toBe(false);
        expect(got.covered ? "" : got.reason).toMatch(d.reason);
      }
    });
  }
});

describe("accommodations", () => {
  const a = { dueAt: due, lateUntil: at(72) };
  it("move the due date and the late window by the extra days", () => {
    expect(effectiveDeadlines(a, null, 2)).toEqual({ dueAt: at(48), lateUntil: at(120) });
  });
  it("give way to a later extension, and win over an earlier one", () => {
    expect(effectiveDeadlines(a, { dueAt: at(96), lateUntil: null }, 2).dueAt).toEqual(at(96));
    expect(effectiveDeadlines(a, { dueAt: at(24), lateUntil: null }, 2).dueAt).toEqual(at(48));
  });
  it("change nothing at zero", () => {
    expect(effectiveDeadlines(a, null, 0)).toBe(a);
  });
});

describe("grade release", () => {
  const facts = (mode: ReleaseFacts["gradeRelease"], hide = false, published = false): ReleaseFacts => ({
    gradeRelease: mode,
    hideScoresUntilRelease: hide,
    gradesPublishedAt: published ? new Date() : null,
  });
  const table = [
    { name: "auto: everything shows", f: facts("AUTO"), byPeople: true, want: true },
    { name: "manual: a person's grade waits", f: facts("MANUAL"), byPeople: true, want: false },
    { name: "manual: a test score shows", f: facts("MANUAL"), byPeople: false, want: true },
    { name: "manual, hide scores: a test score waits too", f: facts("MANUAL", true), byPeople: false, want: false },
    { name: "manual, published: everything shows", f: facts("MANUAL", true, true), byPeople: true, want: true },
  ];
  for (const c of table) it(c.name, () => expect(scoreReleased(c.f, {}, c.byPeople)).toBe(c.want));
  it("lets a question set its own mode", () => {
    expect(questionReleaseMode(facts("AUTO"), { gradeRelease: "manual" })).toBe("MANUAL");
    expect(questionReleaseMode(facts("MANUAL"), { gradeRelease: "auto" })).toBe("AUTO");
    expect(questionReleaseMode(facts("MANUAL"), { id: "q" })).toBe("MANUAL");
    expect(scoreReleased(facts("AUTO"), { gradeRelease: "manual" }, true)).toBe(false);
  });
});

describe("assignment.yaml and course.yaml", () => {
  const base = {
    title: "T",
    release: "2026-09-01T00:00:00Z",
    due: "2026-12-01T00:00:00Z",
    questions: [{ id: "p", type: "proof", title: "P", points: 1, rubric: [{ id: "r", points: 1, description: "d" }] }],
  };
  it("defaults to auto release and accepts manual, per question too, with maxLateDays", () => {
    expect(assignmentSchema.parse(base).gradeRelease).toBe("auto");
    expect(assignmentSchema.parse(base).regradeWindowDays).toBe(7);
    const a = assignmentSchema.parse({ ...base, gradeRelease: "manual", hideScoresUntilRelease: true, maxLateDays: 2 });
    expect([a.gradeRelease, a.hideScoresUntilRelease, a.maxLateDays]).toEqual(["manual", true, 2]);
    expect(assignmentSchema.parse({ ...base, questions: [{ ...base.questions[0], gradeRelease: "manual" }] }).questions[0]!.gradeRelease).toBe("manual");
  });
  it("refuses hideScoresUntilRelease without manual release, and a negative maxLateDays", () => {
    const r = assignmentSchema.safeParse({ ...base, hideScoresUntilRelease: true });
    expect(r.success ? "" : r.error.issues[0]!.message).toMatch(/needs gradeRelease: manual/);
    expect(assignmentSchema.safeParse({ ...base, maxLateDays: -1 }).success).toBe(false);
  });
  it("reads the late-day budget from course.yaml, none without it, and names a bad field", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "course-"));
    const head = "slug: c\ntitle: C\nlanguages: [en]\ntimezone: UTC\n";
    const budget = async () => {
      const f = await loadCourseFolder(dir);
      return f.ok ? (f.course.lateDays ?? null) : f.problems.map((p) => `${p.file}: ${p.path} ${p.message}`);
    };
    writeFileSync(path.join(dir, "course.yaml"), head);
    expect(await budget()).toBeNull();
    writeFileSync(path.join(dir, "course.yaml"), `${head}lateDays:\n  count: 3\n  hoursPerDay: 12\n`);
    expect(await budget()).toEqual({ count: 3, hoursPerDay: 12 });
    writeFileSync(path.join(dir, "course.yaml"), `${head}lateDays:\n  count: -1\n`);
    expect(String(await budget())).toMatch(/course\.yaml: lateDays\.count/);
  });
  it("accepts Gradescope's after_due_date as a test visibility", () => {
    expect(() => defineTests([{ name: "t", points: 1, visibility: "after_due_date", run: () => {} }])).not.toThrow();
    expect(() => defineTests([{ name: "t", points: 1, visibility: "after_due_dates" as never, run: () => {} }])).toThrow(/unknown visibility/);
  });
});
