// Figures recorded by tests reach the platform but not the student's redacted report: the
// leaderboard ranks opted-in students by score then depth; the spectra chart gets its data.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { submit } from "@/lib/submissions/submit";
import { startWorker, type Worker } from "@/lib/queue/worker";
import { leaderboard } from "@/lib/submissions/leaderboard";
import { submissionView } from "@/lib/submissions/views";
import type { GradeReport } from "@/grader/report";
import { useFreshDatabase } from "./lib/test-db";
import { seedCourse } from "./lib/course-fixture";

let db: PrismaClient;
let ctx: Awaited<ReturnType<typeof seedCourse>>;
let worker: Worker;

async function graded(submissionId: string) {
  for (let i = 0; i < 600; i++) {
    const g = await db.grading.findFirst({ where: { submissionId } });
    if (g) return g;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("not graded");
}

const send = (userId: string, assignmentSlug: string, questionKey: string, code: string) =>
  submit(db, {
    userId,
    termId: ctx.term.id,
    assignmentSlug,
    questionKey,
    kind: "SUBMIT",
    code,
    isStaff: false,
    embedded: false,
    now: new Date("2026-12-05T00:00:00Z"),
  });

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedCourse(["lnnet-capacity", "spectra"], 3);
  db = ctx.db;
  worker = await startWorker({ name: "t", poolSize: 2, pollMs: 100, log: () => {} });
});
afterAll(async () => {
  await worker.stop();
  await closeDb();
});

describe("recorded figures", () => {
  it("rank opted-in students by score, then by total depth, and never list the others", async () => {
    const [a, b, c] = ctx.students;
    const reference = readFileSync("assignments/lnnet-capacity/solution.ts", "utf8");
    const weaker = readFileSync("tests/fixtures/lnnet-capacity/one-layer-only.ts", "utf8");
    const ga = await graded((await send(a!.id, "lnnet-capacity", "build-net", reference)).submissionId);
    const gb = await graded((await send(b!.id, "lnnet-capacity", "build-net", weaker)).submissionId);
    await graded((await send(c!.id, "lnnet-capacity", "build-net", reference)).submissionId);
    expect((ga.report as unknown as GradeReport).records?.depth).toBeGreaterThan(0);
    expect(gb.score).toBeLessThan(ga.score);
    await db.enrollment.updateMany({ where: { userId: { in: [a!.id, b!.id] } }, data: { leaderboardOptIn: true } });
    await db.enrollment.update({ where: { userId_termId: { userId: a!.id, termId: ctx.term.id } }, data: { pseudonym: "Ada" } });
    await db.enrollment.update({ where: { userId_termId: { userId: b!.id, termId: ctx.term.id } }, data: { pseudonym: "Bo" } });
    const assignment = await db.assignment.findFirstOrThrow({ where: { slug: "lnnet-capacity" } });
    const rows = await leaderboard(db, ctx.term.id, assignment.id, a!.id);
    expect(rows.map((r) => [r.rank, r.pseudonym, r.mine])).toEqual([
      [1, "Ada", true],
      [2, "Bo", false],
    ]);
    expect(rows[0]!.depth).toBe((ga.report as unknown as GradeReport).records?.depth);
  });

  it("give the spectra chart the student's eigenvalues and the reference, outside the redacted report", async () => {
    const s = ctx.students[0]!;
    const sol = readFileSync("assignments/spectra/solution.ts", "utf8");
    const sub = await send(s.id, "spectra", "spectra-code", sol);
    await graded(sub.submissionId);
    const found = await submissionView(db, sub.submissionId, { duePassed: false, staff: false });
    const spectrum = found!.view.figures!.find((f) => f.id === "spectrum")!;
    expect(spectrum.series.find((x) => x.key === "eigenvalues")!.points).toHaveLength(16);
    expect(spectrum.series.find((x) => x.key === "referenceEigenvalues")!.points).toHaveLength(16);
    expect(JSON.stringify(found!.view.tests)).not.toContain("referenceEigenvalues");
  });
});
