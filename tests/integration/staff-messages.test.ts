// The refusals lib/ really throws on staff actions reach a Chinese reader in Chinese: each is
// recognized by its template in messages/en.json (so rewording one in lib/ without its template
// shows here, not only as English on a zh page) and reworded from messages/zh.json.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { setOverride } from "@/lib/grades/overrides";
import { grantExtension } from "@/lib/grades/extensions";
import { applyRosterAction } from "@/lib/courses/roster-actions";
import { previewRoster } from "@/lib/courses/roster-import";
import { startRegrade } from "@/lib/queue/regrade";
import { HttpError } from "@/lib/http/http-error";
import { staffMessage } from "@/lib/http/staff-messages";
import { useFreshDatabase } from "./lib/test-db";
import { seedCourse } from "./lib/course-fixture";

let ctx: Awaited<ReturnType<typeof seedCourse>>;
let instructor: { id: string; role: "INSTRUCTOR" };

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedCourse(["xor-ln-net"], 1);
  const u = await ctx.db.user.create({ data: { email: "inst@x.test", name: "Inst" } });
  await ctx.db.enrollment.create({ data: { userId: u.id, termId: ctx.term.id, role: "INSTRUCTOR" } });
  instructor = { id: u.id, role: "INSTRUCTOR" };
});
afterAll(closeDb);

/** The refusal `work` ends with, in Chinese. */
async function inChinese(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return staffMessage((error as HttpError).message, "zh");
}

const base = () => ({ termId: ctx.term.id, assignmentSlug: "xor-ln-net", actorId: instructor.id });

describe("staff refusals in Chinese", () => {
  it("an override outside the question's points, and one for an unknown question", async () => {
    const override = { ...base(), userId: ctx.students[0]!.id, reason: "regrade request" };
    expect(await inChinese(setOverride(ctx.db, { ...override, questionKey: "xor-proof", score: 99 }))).toBe("分数必须在 0 到 5 之间（该题的分值）。");
    expect(await inChinese(setOverride(ctx.db, { ...override, questionKey: "nope", score: 1 }))).toMatch(/^.+ 中没有题目“nope”。$/);
  });

  it("an extension before the assignment's own due date, and one for a TA", async () => {
    const assignment = await ctx.db.assignment.findFirstOrThrow({ where: { slug: "xor-ln-net" } });
    const early = new Date(assignment.dueAt.getTime() - 3_600_000);
    const ext = { ...base(), dueAt: early, lateUntil: null, reason: "" };
    expect(await inChinese(grantExtension(ctx.db, { ...ext, userId: ctx.students[0]!.id }))).toBe(
      `新的截止时间必须晚于作业原定的截止时间（${assignment.dueAt.toISOString()}）。`,
    );
    expect(await inChinese(grantExtension(ctx.db, { ...ext, userId: ctx.ta.id }))).toBe("本课程没有这名学生。");
  });

  it("dropping yourself, and a TA changing a role", async () => {
    expect(await inChinese(applyRosterAction(ctx.db, ctx.term.id, instructor, { action: "drop", userIds: [instructor.id] }))).toBe(
      "你不能将自己退课；请让另一位教师操作。",
    );
    const ta = { id: ctx.ta.id, role: "TA" as const };
    expect(await inChinese(applyRosterAction(ctx.db, ctx.term.id, ta, { action: "role", userIds: [ctx.students[0]!.id], role: "TA" }))).toBe(
      "只有教师才能修改角色，或对助教和教师进行操作。",
    );
  });

  it("regrading a proof", async () => {
    expect(await inChinese(startRegrade(ctx.db, { ...base(), questionKey: "xor-proof" }))).toBe("证明题按评分细则批改；要改变其得分，请修改评分细则。");
  });

  it("every problem of a bad roster row", async () => {
    const csv = [
      "good@x.test,Good,S0,A,student",
      "not-an-email,Bad Email,S1,A,student",
      "x@x.test,,S2,A,student",
      "y@x.test,Y,S3,A,professor",
      "good@x.test,Again,S4,A,student",
      "z@x.test,Z",
      "t@x.test,T,S5,A,ta",
    ].join("\n");
    const preview = await previewRoster(ctx.db, ctx.term.id, csv, "TA");
    const problems = preview.bad.flatMap((b) => b.problems);
    expect(problems.length).toBeGreaterThanOrEqual(6);
    const untranslated = problems.filter((p) => staffMessage(p, "zh") === p);
    expect(untranslated).toEqual([]);
  });
});
