// The demo seed gives the staff pages something to show: graded work (some late, one extension,
// one proof graded, two waiting), and a Canvas export that the checker accepts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { syncAllCourses } from "@/lib/courses/setup";
import { currentTerm } from "@/lib/courses/current-term";
import { seedDemoPeople } from "@/lib/demo/people";
import { DEMO_PAST_DUE, seedDemoActivity } from "@/lib/demo/activity";
import { computeGradebook } from "@/lib/grades/gradebook";
import { exportGrades } from "@/lib/export/gradebook-csv";
import { checkCanvasCsv } from "@/lib/export/canvas-check";
import { proofQueue } from "@/lib/grades/manual-grading";
import { studentProgress } from "@/lib/grades/student-progress";
import { ensureCourse } from "@/lib/courses/ensure-course";
import { useFreshDatabase } from "./lib/test-db";

let db: PrismaClient;
let termId: string;
let seedMs = 0;

beforeAll(async () => {
  db = await useFreshDatabase();
  await syncAllCourses(["assignments"]);
  termId = (await currentTerm(db, (await ensureCourse(db, "ml-theory")).id))!.id;
  await seedDemoPeople(db, termId, "demo-password-for-tests");
  const t0 = performance.now();
  await seedDemoActivity(db, termId);
  seedMs = performance.now() - t0;
});
afterAll(closeDb);

describe("demo activity", () => {
  it("grades every demo submission, with late ones, an extension and one graded proof", async () => {
    console.log(`seedDemoActivity took ${Math.round(seedMs)} ms`);
    expect(await db.gradingJob.count({ where: { status: { not: "DONE" } } })).toBe(0);
    const book = await computeGradebook(db, termId);
    const cells = book.rows.flatMap((r) => [...r.results.values()].flatMap((x) => x.cells));
    expect(cells.filter((c) => c.late).length).toBeGreaterThanOrEqual(2);
    expect(book.rows.filter((r) => [...r.results.values()].some((x) => x.extensionDueAt)).length).toBe(1);
    expect(cells.filter((c) => c.grader === "ta@demo.test").length).toBe(1);
    const xor = book.assignments.find((a) => a.slug === "xor-ln-net")!;
    const queue = await proofQueue(db, xor.id, "xor-proof");
    expect(queue.map((e) => e.graded)).toEqual([false, false, true]);
    // Chloé's late-by-the-calendar submissions are covered by her extension.
    const pastDue = book.assignments.find((a) => a.slug === DEMO_PAST_DUE)!;
    const chloe = book.rows.find((r) => r.student.email === "student3@demo.test")!;
    expect(chloe.results.get(pastDue.id)!.cells.some((c) => c.attempts > 0 && !c.late)).toBe(true);
    expect(chloe.results.get(pastDue.id)!.cells.some((c) => c.late)).toBe(false);
  });

  it("dates every demo submission in the past, with the late work on the assignment past its due date", async () => {
    const now = new Date();
    expect(await db.submission.count({ where: { createdAt: { gt: now } } })).toBe(0);
    const pastDue = await db.assignment.findFirstOrThrow({ where: { termId, slug: DEMO_PAST_DUE } });
    expect(pastDue.dueAt < now).toBe(true);
    const lateOnes = await db.submission.findMany({ where: { late: true }, select: { assignmentId: true } });
    expect(lateOnes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(lateOnes.map((s) => s.assignmentId))).toEqual(new Set([pastDue.id]));
  });

  it("shows each student on the course home the score and state the gradebook has", async () => {
    const book = await computeGradebook(db, termId);
    for (const row of book.rows) {
      const progress = await studentProgress(db, termId, row.student.userId);
      for (const [assignmentId, r] of row.results) {
        const p = progress.get(assignmentId)!;
        expect([row.student.email, assignmentId, p.score, p.max]).toEqual([row.student.email, assignmentId, Math.round((r.total ?? 0) * 100) / 100, r.max]);
        expect(p.late).toBe(r.cells.some((c) => c.late));
      }
    }
    const xor = book.assignments.find((a) => a.slug === "xor-ln-net")!;
    const pastDue = book.assignments.find((a) => a.slug === DEMO_PAST_DUE)!;
    const chloe = book.rows.find((r) => r.student.email === "student3@demo.test")!;
    const hers = (await studentProgress(db, termId, chloe.student.userId)).get(pastDue.id)!;
    // Submitted after the due date but within her extension: not late, and the extension is shown.
    expect(hers.late).toBe(false);
    expect(hers.extensionDue).not.toBeNull();
    // Her late window moves with her due date (same length as everyone's); others keep the course's.
    expect(hers.dueAt).toEqual(hers.extensionDue);
    expect(hers.lateUntil!.getTime() - hers.dueAt.getTime()).toBe(pastDue.lateUntil!.getTime() - pastDue.dueAt.getTime());
    expect(hers.lateUntil!.getTime()).toBeGreaterThan(pastDue.lateUntil!.getTime());
    const alice = book.rows.find((r) => r.student.email === "student1@demo.test")!;
    expect((await studentProgress(db, termId, alice.student.userId)).get(pastDue.id)).toMatchObject({
      dueAt: pastDue.dueAt,
      lateUntil: pastDue.lateUntil,
      late: true,
    });
    // Two proofs wait for a grader, so those students' xor-ln-net is awaiting grading.
    const bob = book.rows.find((r) => r.student.email === "student2@demo.test")!;
    expect((await studentProgress(db, termId, bob.student.userId)).get(xor.id)!.state).toBe("awaiting");
    const layernorm = book.assignments.find((a) => a.slug === "layernorm")!;
    expect((await studentProgress(db, termId, alice.student.userId)).get(layernorm.id)).toMatchObject({ state: "graded", score: 27, max: 27 });
  });

  it("exports a Canvas CSV that the checker accepts", async () => {
    const csv = await exportGrades(db, { termId, format: "canvas" });
    expect(checkCanvasCsv(csv)).toEqual([]);
    expect(csv.split("\n").length).toBe(2 + 3 + 1);
  });

  it("is idempotent", async () => {
    const before = await db.submission.count();
    expect((await seedDemoActivity(db, termId)).skipped).toBe(true);
    expect(await db.submission.count()).toBe(before);
  });
});
