// The one access guard's decisions, against the real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAFF, decideCourseAccess } from "@/lib/access";
import { HttpError } from "@/lib/http/http-error";
import { closeDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { useFreshDatabase } from "./lib/test-db";

let db: PrismaClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await useFreshDatabase();
  const a = await db.course.create({ data: { slug: "course-a", title: "A" } });
  const b = await db.course.create({ data: { slug: "course-b", title: "B" } });
  const people: [string, string, "STUDENT" | "TA" | "INSTRUCTOR"][] = [
    ["studentA", a.id, "STUDENT"],
    ["taA", a.id, "TA"],
    ["instructorA", a.id, "INSTRUCTOR"],
    ["taB", b.id, "TA"],
  ];
  for (const [name, courseId, role] of people) {
    const u = await db.user.create({ data: { email: `${name.toLowerCase()}@x.test`, name } });
    await db.enrollment.create({ data: { userId: u.id, courseId, role } });
    ids[name] = u.id;
  }
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
