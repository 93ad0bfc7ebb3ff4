// Roster import: a preview that names bad rows; all-or-nothing import; TAs cannot add staff.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { importRoster, previewRoster } from "@/lib/courses/roster-import";
import { HttpError } from "@/lib/http/http-error";
import { useFreshDatabase } from "./lib/test-db";
import { seedCourse } from "./lib/course-fixture";

let ctx: Awaited<ReturnType<typeof seedCourse>>;
let instructorId: string;

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedCourse([], 2);
  const inst = await ctx.db.user.create({ data: { email: "inst@x.test", name: "Inst" } });
  await ctx.db.enrollment.create({ data: { userId: inst.id, termId: ctx.term.id, role: "INSTRUCTOR" } });
  instructorId = inst.id;
});
afterAll(closeDb);

const snapshot = async () => ({
  users: await ctx.db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, name: true, studentId: true } }),
  enrollments: await ctx.db.enrollment.findMany({ orderBy: { userId: "asc" }, select: { userId: true, role: true, section: true } }),
});

const BAD = [
  "email,name,student id,section,role",
  "new1@x.test,New One,S9001,A,student",
  "not-an-email,Bad Email,S9002,A,student",
  "new3@x.test,,S9003,B,student",
  "new4@x.test,Bad Role,S9004,B,professor",
  "new1@x.test,Duplicate,S9005,A,student",
  "new6@x.test,Too,Few",
  "s0@x.test,Student Zero Renamed,S0000,B,ta",
].join("\n");

describe("roster import", () => {
  it("reports every bad row with what is wrong, and imports nothing", async () => {
    const before = await snapshot();
    const preview = await previewRoster(ctx.db, ctx.term.id, BAD, "INSTRUCTOR");
    expect(preview.bad.map((b) => b.line)).toEqual([3, 4, 5, 6, 7]);
    expect(preview.bad.find((b) => b.line === 3)!.problems.join()).toMatch(/not a valid email/);
    expect(preview.bad.find((b) => b.line === 4)!.problems.join()).toMatch(/name is empty/);
    expect(preview.bad.find((b) => b.line === 5)!.problems.join()).toMatch(/not one of student, ta, instructor/);
    expect(preview.bad.find((b) => b.line === 6)!.problems.join()).toMatch(/already on line 2/);
    expect(preview.bad.find((b) => b.line === 7)!.problems.join()).toMatch(/has 3 fields/);
    expect(preview.rows.map((r) => [r.line, r.action])).toEqual([
      [2, "add"],
      [8, "update"],
    ]);
    await expect(importRoster(ctx.db, ctx.term.id, BAD, { id: instructorId, role: "INSTRUCTOR" })).rejects.toThrow(/Nothing was imported: 5 rows are bad/);
    expect(await snapshot()).toEqual(before);
    expect(await ctx.db.auditLog.count()).toBe(0);
  });

  it("imports a clean file in one go: new people, updated roles and sections", async () => {
    const csv = "new1@x.test,New One,S9001,A,student\nNew2@X.test,New Two,,B,\ns0@x.test,Student Zero,S0000,B,ta\n";
    const r = await importRoster(ctx.db, ctx.term.id, csv, { id: instructorId, role: "INSTRUCTOR" });
    expect(r.imported).toBe(3);
    const e = await ctx.db.enrollment.findMany({ where: { termId: ctx.term.id }, include: { user: true } });
    expect(e.find((x) => x.user.email === "new2@x.test")).toMatchObject({ role: "STUDENT", section: "B" });
    expect(e.find((x) => x.user.email === "s0@x.test")).toMatchObject({ role: "TA", section: "B" });
    expect((await previewRoster(ctx.db, ctx.term.id, csv, "INSTRUCTOR")).rows.every((x) => x.action === "unchanged")).toBe(true);
  });

  it("a TA may add students but not staff", async () => {
    const p = await previewRoster(ctx.db, ctx.term.id, "x1@x.test,X,,A,student\nx2@x.test,Y,,A,instructor", "TA");
    expect(p.bad.map((b) => [b.line, b.problems.join()])).toEqual([[2, "only an instructor can add or change TAs and instructors"]]);
  });

  it("explains a wrong header and an empty file", async () => {
    await expect(previewRoster(ctx.db, ctx.term.id, "email,name,section\n", "INSTRUCTOR")).rejects.toThrow(HttpError);
    await expect(previewRoster(ctx.db, ctx.term.id, "email,name,student id,section,role\n", "INSTRUCTOR")).rejects.toThrow(/no rows/);
  });
});
