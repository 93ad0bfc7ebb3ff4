// Several course folders synced at once (one invalid), each into its own course and into every term
// that has not ended; dates per term (staff edit > terms/<term>.yaml > assignment.yaml); a term
// copied to the next with its dates shifted and nobody's work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { specPoints } from "@/lib/assignments/sync";
import { syncCourseDirs } from "@/lib/courses/sync-course";
import { copyTerm, createTerm, setAssignmentDates } from "@/lib/courses/terms";
import { currentTerm } from "@/lib/courses/current-term";
import { FIRST_COURSE } from "@/lib/courses/ensure-course";
import { loadCourseFolder } from "@/lib/courses/course-folder";
import { useFreshDatabase } from "./lib/test-db";

const STATS = "tests/fixtures/courses/stats-demo";
const BROKEN = "tests/fixtures/courses/broken-course";
const DAY = 86_400_000;
let db: PrismaClient;

// Code questions' points come from their tests; spec points keep this test off the grader.
const sync = (dirs: string[], now?: Date) => syncCourseDirs(db, dirs, { pointsOf: specPoints, ...(now ? { now } : {}) });
const assignmentIn = (termId: string, slug: string) => db.assignment.findUniqueOrThrow({ where: { termId_slug: { termId, slug } } });

beforeAll(async () => {
  db = await useFreshDatabase();
});
afterAll(closeDb);

describe("courses:sync of several course folders", () => {
  it("syncs each valid folder into its own course and reports the invalid one per file and field, without stopping", async () => {
    const reports = await sync([BROKEN, "assignments", STATS]);
    expect(reports.map((r) => [r.dir, r.course, r.ok])).toEqual([
      [BROKEN, null, false],
      ["assignments", "ml-theory", true],
      [STATS, "stats-demo", true],
    ]);
    expect(reports[0]!.problems.map((p) => `${p.file} ${p.path}`).sort()).toEqual(["course.yaml languages.1", "course.yaml timezone", "course.yaml title"]);
    expect(reports[0]!.problems.find((p) => p.path === "timezone")!.message).toMatch(/IANA time zone/);
    expect(await db.course.findUnique({ where: { slug: "broken-course" } })).toBeNull();
    const stats = await db.course.findUniqueOrThrow({ where: { slug: "stats-demo" }, include: { terms: true } });
    expect(stats).toMatchObject({ title: "Statistics for the curious", titleZh: "好奇者的统计学", languages: "en,zh", timezone: "Europe/Berlin" });
    expect(stats.terms).toHaveLength(1);
    const [term] = stats.terms;
    expect(reports[2]!.terms.map((t) => [t.term, t.outcomes.map((o) => [o.slug, o.action])])).toEqual([[term!.slug, [["add-numbers", "created"]]]]);
  });

  it("gives the demo course its catalog entry from assignments/course.yaml, and the same first term as a fresh start", async () => {
    const folder = await loadCourseFolder("assignments");
    expect(folder.ok && folder.course).toMatchObject({ slug: FIRST_COURSE.slug, title: FIRST_COURSE.title, titleZh: FIRST_COURSE.titleZh });
    const ml = await db.course.findUniqueOrThrow({ where: { slug: "ml-theory" }, include: { terms: true } });
    expect(ml.terms.map((t) => t.slug)).toEqual(["2026-autumn"]);
    expect(await db.assignment.count({ where: { termId: ml.terms[0]!.id } })).toBe(8);
  });

  it("a second sync changes nothing", async () => {
    const again = await sync(["assignments", STATS]);
    expect(again.flatMap((r) => r.terms.flatMap((t) => t.outcomes.map((o) => o.action))).every((a) => a === "unchanged")).toBe(true);
  });
});

describe("terms", () => {
  it("syncs into every term that has not ended, with that term's dates from terms/<term>.yaml, and leaves an ended term frozen", async () => {
    const course = await db.course.findUniqueOrThrow({ where: { slug: "stats-demo" } });
    const first = (await currentTerm(db, course.id))!;
    const spring = await createTerm(db, { courseId: course.id, slug: "2031-spring", startsAt: new Date("2031-02-15T00:00:00Z") });
    expect(spring.title).toBe("Spring 2031");
    // The first term ends: a changed folder must not reach it.
    await db.term.update({ where: { id: first.id }, data: { endsAt: new Date(Date.now() - DAY) } });
    const before = await assignmentIn(first.id, "add-numbers");
    const reports = await sync([STATS]);
    expect(reports[0]!.terms.map((t) => t.term)).toEqual(["2031-spring"]);
    const inSpring = await assignmentIn(spring.id, "add-numbers");
    expect([inSpring.releaseAt.toISOString(), inSpring.dueAt.toISOString(), inSpring.lateUntil?.toISOString()]).toEqual([
      "2031-02-20T07:00:00.000Z",
      "2031-03-20T22:59:00.000Z",
      "2031-03-27T22:59:00.000Z",
    ]);
    expect(await assignmentIn(first.id, "add-numbers")).toEqual(before);
  });

  it("keeps dates staff set in the site over the folder's on the next sync", async () => {
    const course = await db.course.findUniqueOrThrow({ where: { slug: "stats-demo" } });
    const spring = await db.term.findUniqueOrThrow({ where: { courseId_slug: { courseId: course.id, slug: "2031-spring" } } });
    const staff = await db.user.create({ data: { email: "prof@stats.test", name: "Prof" } });
    const dueAt = new Date("2031-04-01T12:00:00Z");
    await setAssignmentDates(db, {
      termId: spring.id,
      assignmentSlug: "add-numbers",
      releaseAt: new Date("2031-02-20T07:00:00Z"),
      dueAt,
      lateUntil: null,
      actorId: staff.id,
    });
    await sync([STATS]);
    const a = await assignmentIn(spring.id, "add-numbers");
    expect([a.dueAt.toISOString(), a.lateUntil]).toEqual([dueAt.toISOString(), null]);
    expect(await db.auditLog.count({ where: { action: "assignment.dates", termId: spring.id } })).toBe(1);
  });

  it("copies a term to the next: assignments, content and rubric with dates shifted; no people, no work", async () => {
    const ml = await db.course.findUniqueOrThrow({ where: { slug: "ml-theory" } });
    const from = (await currentTerm(db, ml.id))!;
    const u = await db.user.create({ data: { email: "s@x.test", name: "S" } });
    await db.enrollment.create({ data: { userId: u.id, termId: from.id, role: "STUDENT" } });
    const xor = await db.assignment.findUniqueOrThrow({
      where: { termId_slug: { termId: from.id, slug: "xor-ln-net" } },
      include: { currentVersion: { include: { questions: true } } },
    });
    const q = xor.currentVersion!.questions[0]!;
    await db.submission.create({
      data: { userId: u.id, assignmentId: xor.id, versionId: xor.currentVersionId!, questionId: q.id, questionKey: q.key, code: "x" },
    });
    await db.rubricItem.updateMany({ where: { assignmentId: xor.id, key: "constraints" }, data: { points: 2.5 } }); // a staff edit travels along

    const r = await copyTerm(db, { courseId: ml.id, from: from.slug, to: "2027-spring", shiftDays: 182 });
    expect(r).toMatchObject({ assignments: 8, shiftDays: 182 });
    expect(r.term).toMatchObject({ slug: "2027-spring", title: "Spring 2027", copiedFromId: from.id });
    expect(r.term.startsAt.getTime() - from.startsAt.getTime()).toBe(182 * DAY);
    const copy = await db.assignment.findUniqueOrThrow({
      where: { termId_slug: { termId: r.term.id, slug: "xor-ln-net" } },
      include: { currentVersion: { include: { questions: true } }, rubricItems: true },
    });
    expect(copy.dueAt.getTime() - xor.dueAt.getTime()).toBe(182 * DAY);
    expect(copy.releaseAt.getTime() - xor.releaseAt.getTime()).toBe(182 * DAY);
    expect(copy.currentVersion!.contentHash).toBe(xor.currentVersion!.contentHash);
    expect(copy.currentVersion!.questions.map((x) => [x.key, x.points])).toEqual(xor.currentVersion!.questions.map((x) => [x.key, x.points]));
    expect(copy.rubricItems.find((i) => i.key === "constraints")!.points).toBe(2.5);
    expect(await db.enrollment.count({ where: { termId: r.term.id } })).toBe(0);
    expect(await db.submission.count({ where: { assignment: { termId: r.term.id } } })).toBe(0);
    // Last term's people and work are untouched.
    expect(await db.submission.count({ where: { assignmentId: xor.id } })).toBe(1);

    // The shifted dates count as set in the site: a sync does not put last term's dates back.
    await sync(["assignments"]);
    expect((await assignmentIn(r.term.id, "xor-ln-net")).dueAt.getTime()).toBe(copy.dueAt.getTime());
  });

  it("refuses a copy onto an existing term and one without a shift, saying what to do", async () => {
    const ml = await db.course.findUniqueOrThrow({ where: { slug: "ml-theory" } });
    await expect(copyTerm(db, { courseId: ml.id, from: "2026-autumn", to: "2027-spring", shiftDays: 1 })).rejects.toThrow(/already has a term "2027-spring"/);
    await expect(copyTerm(db, { courseId: ml.id, from: "2026-autumn", to: "2027-summer" })).rejects.toThrow(/either a shift in days or the new term's start/);
    await expect(copyTerm(db, { courseId: ml.id, from: "1999-spring", to: "2027-summer", shiftDays: 1 })).rejects.toThrow(/No term "1999-spring"/);
  });

  it("the current term is the running one: a copied term that starts later does not take over early", async () => {
    const ml = await db.course.findUniqueOrThrow({ where: { slug: "ml-theory" } });
    const now = new Date();
    expect((await currentTerm(db, ml.id, now))!.slug).toBe("2026-autumn");
    const spring = await db.term.findUniqueOrThrow({ where: { courseId_slug: { courseId: ml.id, slug: "2027-spring" } } });
    expect((await currentTerm(db, ml.id, new Date(spring.startsAt.getTime() + DAY)))!.slug).toBe("2027-spring");
  });
});
