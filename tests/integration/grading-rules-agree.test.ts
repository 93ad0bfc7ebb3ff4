// The student's submission view, the course home and the gradebook read the same rules
// (lib/grades), so for every late and extension case they show the same number.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { computeGradebook } from "@/lib/grades/gradebook";
import { studentProgress } from "@/lib/grades/student-progress";
import { historyOf } from "@/lib/submissions/views";
import { useFreshDatabase } from "./lib/test-db";
import { seedCourse } from "./lib/course-fixture";

let ctx: Awaited<ReturnType<typeof seedCourse>>;

// xor-ln-net is due 2026-12-08T23:59Z with a late window; "ln-width2" is worth 2 points.
const CASES = [
  { name: "on time", at: "2026-12-07T10:00:00Z", late: false, extension: null, penalized: false },
  { name: "late, no extension", at: "2026-12-09T10:00:00Z", late: true, extension: null, penalized: true },
  { name: "late, covered by an extension granted afterwards", at: "2026-12-09T10:00:00Z", late: true, extension: "2026-12-10T23:59:00Z", penalized: false },
  { name: "late, after the extended due date too", at: "2026-12-10T10:00:00Z", late: true, extension: "2026-12-09T23:59:00Z", penalized: true },
] as const;

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedCourse(["xor-ln-net"], CASES.length);
});
afterAll(async () => closeDb());

describe("the same number everywhere", () => {
  it("student view, course home and gradebook agree for late and extension cases", async () => {
    const { db, term, students } = ctx;
    const a = await db.assignment.findFirstOrThrow({ where: { slug: "xor-ln-net" }, include: { currentVersion: { include: { questions: true } } } });
    expect(a.latePenalty).toBeGreaterThan(0);
    const q = a.currentVersion!.questions.find((x) => x.key === "ln-width2")!;
    for (const [i, c] of CASES.entries()) {
      const userId = students[i]!.id;
      if (c.extension) await db.extension.create({ data: { userId, assignmentId: a.id, dueAt: new Date(c.extension) } });
      const s = await db.submission.create({
        data: {
          userId,
          assignmentId: a.id,
          versionId: a.currentVersionId!,
          questionId: q.id,
          questionKey: q.key,
          kind: "SUBMIT",
          answer: { selected: ["a"] },
          late: c.late,
          createdAt: new Date(c.at),
        },
      });
      await db.grading.create({
        data: {
          submissionId: s.id,
          versionId: a.currentVersionId!,
          score: q.points,
          maxScore: q.points,
          status: "graded",
          report: { score: q.points, maxScore: q.points, status: "graded", tests: [] },
        },
      });
    }
    const book = await computeGradebook(db, term.id);
    const seen = [];
    for (const [i, c] of CASES.entries()) {
      const userId = students[i]!.id;
      const view = (await historyOf(db, userId, a.id, { duePassed: true, staff: false }))[0]!;
      const home = (await studentProgress(db, term.id, userId)).get(a.id)!;
      const cell = book.rows
        .find((r) => r.student.userId === userId)!
        .results.get(a.id)!
        .cells.find((x) => x.questionKey === q.key)!;
      seen.push({
        case: c.name,
        view: view.score,
        viewLate: view.late,
        home: home.score,
        homeLate: home.late,
        gradebook: cell.score,
        gradebookLate: cell.late,
      });
    }
    const expected = CASES.map((c) => {
      const n = c.penalized ? Math.round(q.points * (1 - a.latePenalty) * 1e6) / 1e6 : q.points;
      return { case: c.name, view: n, viewLate: c.penalized, home: n, homeLate: c.penalized, gradebook: n, gradebookLate: c.penalized };
    });
    expect(seen).toEqual(expected);
  });
});
