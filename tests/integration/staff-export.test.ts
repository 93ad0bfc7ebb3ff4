// The gradebook policy and the CSV export (golden files, Canvas rules), on a real PostgreSQL.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { computeGradebook } from "@/lib/grades/gradebook";
import { exportGrades, formatScore } from "@/lib/export/gradebook-csv";
import { HttpError } from "@/lib/http/http-error";
import { checkCanvasCsv } from "@/lib/export/canvas-check";
import { useFreshDatabase } from "./lib/test-db";
import { seedStaffCourse, type StaffCourse } from "./lib/staff-fixture";

let ctx: StaffCourse;
const GOLDEN = "tests/fixtures/export";

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedStaffCourse();
});
afterAll(closeDb);

/** Compares with a committed golden file. A missing one fails (writing it would make the test pass
 *  by definition); UPDATE_GOLDEN=1 rewrites them on purpose, for review in the diff. */
function golden(name: string, actual: string) {
  const file = `${GOLDEN}/${name}`;
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`golden file ${file} is missing: run with UPDATE_GOLDEN=1 to write it, then review and commit it`);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("gradebook", () => {
  it("applies best/latest, late penalties, extensions, regrades, overrides and ignores RUN", async () => {
    const book = await computeGradebook(ctx.db, ctx.term.id);
    const [s0, s1, s2] = [ctx.students[0]!, ctx.students[1]!, ctx.students[2]!];
    const row = (id: string) => book.rows.find((r) => r.student.userId === id)!;
    const cell = (id: string, a: { id: string }, q: string) =>
      row(id)
        .results.get(a.id)!
        .cells.find((c) => c.questionKey === q)!;
    const p = ctx.codePoints;
    expect(cell(s0.id, ctx.xor, "construction").score).toBeCloseTo(p * 0.9 * 0.8, 6);
    expect(cell(s0.id, ctx.xor, "construction").late).toBe(true);
    expect(cell(s0.id, ctx.xor, "xor-proof").score).toBe(4);
    expect(cell(s0.id, ctx.xor, "xor-proof").grader).toBe("ta@x.test");
    expect(cell(s0.id, ctx.gb, "hoeffding").score).toBe(0);
    expect(cell(s1.id, ctx.xor, "construction").score).toBeCloseTo(p * 0.5, 6);
    expect(cell(s1.id, ctx.xor, "construction").late).toBe(false);
    expect(cell(s1.id, ctx.xor, "ln-width2").score).toBe(2);
    expect(cell(s1.id, ctx.xor, "xor-proof")).toMatchObject({ score: null, pending: true });
    expect(row(s2.id).results.get(ctx.xor.id)!.total).toBeNull();
    expect(cell(s2.id, ctx.gb, "vacuous").override).toMatchObject({ score: 0.5, by: "ta@x.test" });
    expect(row(s2.id).results.get(ctx.gb.id)!.total).toBe(0.5);
  });

  it("filters by section", async () => {
    const book = await computeGradebook(ctx.db, ctx.term.id, { section: "B" });
    expect(book.rows.map((r) => r.student.section)).toEqual(["B"]);
    expect(book.sections).toEqual(["A", "B"]);
  });
});

describe("export", () => {
  it("formats scores as plain decimals with at most 2 decimals", () => {
    expect([formatScore(6.4), formatScore(1 / 3), formatScore(1234567.891), formatScore(0), formatScore(-0), formatScore(null), formatScore(2)]).toEqual([
      "6.4",
      "0.33",
      "1234567.89",
      "0",
      "0",
      "",
      "2",
    ]);
  });

  it("writes the Canvas CSV of the golden file, which passes the Canvas rules", async () => {
    const csv = await exportGrades(ctx.db, { termId: ctx.term.id, format: "canvas" });
    golden("canvas.csv", csv);
    expect(checkCanvasCsv(csv)).toEqual([]);
    expect(csv.split("\n")[1]).toMatch(/^Points Possible,,,,,/);
  });

  it("writes the long CSV of the golden file", async () => {
    golden("long.csv", await exportGrades(ctx.db, { termId: ctx.term.id, format: "long" }));
    golden("long-xor.csv", await exportGrades(ctx.db, { termId: ctx.term.id, format: "long", assignmentSlug: "xor-ln-net" }));
  });

  it("refuses a title Canvas would drop instead of writing it", async () => {
    await ctx.db.assignment.update({ where: { id: ctx.gb.id }, data: { title: "Bounds (Final Score practice)" } });
    try {
      const refused = await exportGrades(ctx.db, { termId: ctx.term.id, format: "canvas" }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(HttpError);
      expect((refused as HttpError).status).toBe(422);
      await expect(exportGrades(ctx.db, { termId: ctx.term.id, format: "canvas" })).rejects.toThrow(/Final Score/);
      expect(checkCanvasCsv("Student,ID,SIS User ID,SIS Login ID,Section,Final Score (x)\nPoints Possible,,,,,1\n")).toContainEqual(
        expect.stringMatching(/Canvas would drop/),
      );
    } finally {
      await ctx.db.assignment.update({ where: { id: ctx.gb.id }, data: { title: ctx.gb.title } });
    }
  });

  it("the checker rejects bad scores, missing Points Possible and ragged rows", () => {
    const bad = 'Student,ID,SIS User ID,SIS Login ID,Section,A (a)\nAda,,S1,a@x,A,1\nBob,,S2,b@x,A,"1,234.5"\nCy,,S3,c@x\n';
    const problems = checkCanvasCsv(bad);
    expect(problems.join("\n")).toMatch(/Points Possible/);
    expect(problems.join("\n")).toMatch(/not a plain decimal/);
    expect(problems.join("\n")).toMatch(/has 4 fields/);
  });

  it("the CLI prints the same CSV, and refuses dropped titles on stderr with a non-zero status", async () => {
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL! };
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/grades-export.ts", "--course", "ml-theory", "--format", "canvas"], {
      env,
      encoding: "utf8",
    });
    expect(out).toBe(readFileSync(`${GOLDEN}/canvas.csv`, "utf8"));
    const usage = spawnSync(process.execPath, ["--import", "tsx", "scripts/grades-export.ts", "--course", "ml-theory", "--format", "xlsx"], {
      env,
      encoding: "utf8",
    });
    expect(usage.status).not.toBe(0);
    expect(usage.stderr).toMatch(/--format must be canvas or long/);
    await ctx.db.assignment.update({ where: { id: ctx.gb.id }, data: { title: "Unposted bounds" } });
    try {
      const refused = spawnSync(process.execPath, ["--import", "tsx", "scripts/grades-export.ts", "--course", "ml-theory", "--format", "canvas"], {
        env,
        encoding: "utf8",
      });
      expect(refused.status).toBe(2);
      expect(refused.stdout).toBe("");
      expect(refused.stderr).toMatch(/Unposted bounds \(generalization-bounds\)/);
    } finally {
      await ctx.db.assignment.update({ where: { id: ctx.gb.id }, data: { title: ctx.gb.title } });
    }
  });
});
