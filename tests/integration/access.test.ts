// The one access guard's decisions, against the real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVERYONE, STAFF, decideCourseAccess, decideTermAccess } from "@/lib/access";
import { HttpError } from "@/lib/http/http-error";
import { closeDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { useFreshDatabase } from "./lib/test-db";
import { createCourseWithTerm } from "./lib/course-fixture";

let db: PrismaClient;
let lastTermSlug: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await useFreshDatabase();
  const { course: courseA, term: a } = await createCourseWithTerm(db, "course-a", "A", "2026-autumn");
  const { term: b } = await createCourseWithTerm(db, "course-b", "B", "2026-autumn");
  // Last term of course A: it started and ended before this term began.
  const last = await db.term.create({
    data: {
      courseId: courseA.id,
      slug: "2026-spring",
      title: "Spring 2026",
      startsAt: new Date(Date.now() - 500 * 86_400_000),
      endsAt: new Date(Date.now() - 400 * 86_400_000),
    },
  });
  lastTermSlug = last.slug;
  const people: [string, string, "STUDENT" | "TA" | "INSTRUCTOR"][] = [
    ["studentA", a.id, "STUDENT"],
    ["taA", a.id, "TA"],
    ["instructorA", a.id, "INSTRUCTOR"],
    ["taB", b.id, "TA"],
    ["studentLastTerm", last.id, "STUDENT"],
  ];
  for (const [name, termId, role] of people) {
    const u = await db.user.create({ data: { email: `${name.toLowerCase()}@x.test`, name } });
    await db.enrollment.create({ data: { userId: u.id, termId, role } });
    ids[name] = u.id;
  }
  ids.admin = (await db.user.create({ data: { email: "admin@x.test", name: "Admin", isAdmin: true } })).id;
});
afterAll(closeDb);

async function status(userId: string | null, slug: string, roles = STAFF): Promise<number> {
  try {
    await decideCourseAccess(userId, slug, roles);
    return 200;
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
}

describe("course access guard", () => {
  it("sends an anonymous visitor to sign in", async () => {
    expect(await status(null, "course-a")).toBe(401);
  });
  it("treats a session whose user no longer exists as signed out", async () => {
    expect(await status("no-such-user", "course-a")).toBe(401);
  });
  it("lets course staff in and keeps students out of staff pages with 403", async () => {
    expect(await status(ids.taA!, "course-a")).toBe(200);
    expect(await status(ids.instructorA!, "course-a")).toBe(200);
    expect(await status(ids.studentA!, "course-a")).toBe(403);
    expect(await status(ids.studentA!, "course-a", ["STUDENT", "TA", "INSTRUCTOR"])).toBe(200);
  });
  it("answers 404 for a course the user is not enrolled in, exactly as for a missing one", async () => {
    expect(await status(ids.taB!, "course-a")).toBe(404);
    expect(await status(ids.taA!, "no-such-course")).toBe(404);
  });
  it("reports staff status with the decision", async () => {
    expect((await decideCourseAccess(ids.taA!, "course-a")).isStaff).toBe(true);
    expect((await decideCourseAccess(ids.studentA!, "course-a")).isStaff).toBe(false);
  });
});

async function termStatus(userId: string, course: string, term: string | null, roles = EVERYONE): Promise<number> {
  try {
    await decideTermAccess(userId, course, term, roles);
    return 200;
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
}

describe("term access", () => {
  it("a student of last term cannot see this term (404), and still sees last term", async () => {
    expect(await termStatus(ids.studentLastTerm!, "course-a", "2026-autumn")).toBe(404);
    expect(await termStatus(ids.studentLastTerm!, "course-a", null)).toBe(404);
    expect(await termStatus(ids.studentLastTerm!, "course-a", lastTermSlug)).toBe(200);
  });
  it("this term's people are outsiders to last term", async () => {
    expect(await termStatus(ids.instructorA!, "course-a", lastTermSlug)).toBe(404);
  });
  it("no course given a term means the current one: the running term, not the ended one", async () => {
    expect((await decideTermAccess(ids.taA!, "course-a", null)).term.slug).toBe("2026-autumn");
  });
  it("an unknown term answers 404 like an unknown course", async () => {
    expect(await termStatus(ids.taA!, "course-a", "2099-never")).toBe(404);
  });
  it("a site admin passes everywhere as an instructor, and each visit is in the audit log", async () => {
    const before = await db.auditLog.count({ where: { action: "admin.access", actorId: ids.admin! } });
    const access = await decideTermAccess(ids.admin!, "course-b", "2026-autumn", STAFF);
    expect(access).toMatchObject({ role: "INSTRUCTOR", isStaff: true, viaAdmin: true, enrollment: null });
    expect(await termStatus(ids.admin!, "course-a", lastTermSlug, STAFF)).toBe(200);
    const entries = await db.auditLog.findMany({ where: { action: "admin.access", actorId: ids.admin! }, orderBy: { createdAt: "asc" } });
    expect(entries).toHaveLength(before + 2);
    expect(entries.at(-2)).toMatchObject({ termId: access.term.id, courseId: access.course.id });
  });
  it("a site admin still gets 404 for a course that does not exist", async () => {
    expect(await termStatus(ids.admin!, "no-such-course", null)).toBe(404);
  });
});
