// The LTI score outbox on the real PostgreSQL: a changed gradebook number becomes exactly one new
// revision even with two scanners at once, an unchanged one none; two senders claim disjoint rows;
// a failed send is retried later, then marked FAILED for the staff page, and staff can queue it again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type PrismaClient } from "@/lib/db";
import { freePort } from "../../scripts/lib/throwaway-postgres";
import { claimScores, markScoreFailed, queueChangedScores, retryScore, sendScore } from "@/lib/lti/scores";
import { courseRoleOf } from "@/lib/lti/roles";
import { seedCourse } from "./lib/course-fixture";
import { useFreshDatabase } from "./lib/test-db";

let db: PrismaClient;
let termId: string;
let assignmentId: string;
let students: { id: string }[];

beforeAll(async () => {
  await useFreshDatabase();
  const seeded = await seedCourse(["layernorm"], 3);
  db = seeded.db;
  termId = seeded.term.id;
  students = seeded.students;
  assignmentId = (await db.assignment.findFirstOrThrow({ where: { termId, slug: "layernorm" } })).id;
  const dead = `http://127.0.0.1:${await freePort()}`; // nothing listens: every service call fails
  const platform = await db.ltiPlatform.create({
    data: {
      name: "LMS",
      issuer: "https://lms.test",
      clientId: "c1",
      deploymentIds: ["d1"],
      authUrl: `${dead}/auth`,
      tokenUrl: `${dead}/token`,
      jwksUrl: `${dead}/jwks`,
    },
  });
  const context = await db.ltiContext.create({ data: { platformId: platform.id, contextId: "ctx", deploymentId: "d1", title: "LMS course", termId } });
  await db.ltiLineItem.create({ data: { contextId: context.id, assignmentId, lineItemUrl: `${dead}/lineitems/1` } });
  for (const [i, s] of students.entries()) await db.ltiAccount.create({ data: { platformId: platform.id, sub: `lms-${i}`, userId: s.id } });
});
afterAll(async () => {
  await closeDb();
});

const override = (userId: string, score: number) => db.gradeOverride.create({ data: { userId, assignmentId, questionKey: "norms", score, reason: "test" } });

describe("LTI score outbox", () => {
  it("queues one revision per changed score even when two scanners run at once, and none when nothing changed", async () => {
    await override(students[0]!.id, 3);
    await Promise.all([queueChangedScores(db), queueChangedScores(db)]);
    const rows = await db.ltiScore.findMany();
    expect(rows.map((r) => [r.userId, r.revision, r.scoreGiven, r.status])).toEqual([[students[0]!.id, 1, 3, "QUEUED"]]);
    expect(await queueChangedScores(db)).toBe(0);
    await override(students[0]!.id, 4);
    await override(students[1]!.id, 2);
    expect(await queueChangedScores(db)).toBe(2);
    const revisions = await db.ltiScore.findMany({ where: { userId: students[0]!.id }, orderBy: { revision: "asc" } });
    expect(revisions.map((r) => [r.revision, r.scoreGiven])).toEqual([
      [1, 3],
      [2, 4],
    ]);
    // A student without a score in the gradebook has nothing sent.
    expect(await db.ltiScore.count({ where: { userId: students[2]!.id } })).toBe(0);
  });

  it("two senders claim disjoint rows", async () => {
    const [a, b] = await Promise.all([claimScores(db, 2, 60_000), claimScores(db, 2, 60_000)]);
    const ids = [...a, ...b].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(3);
    expect(await claimScores(db, 10, 60_000)).toEqual([]);
  });

  it("a send that fails is retried later, then FAILED after its last attempt, and staff can queue it again", async () => {
    const row = await db.ltiScore.findFirstOrThrow({ where: { userId: students[1]!.id } });
    await expect(sendScore(db, row.id)).rejects.toThrow();
    await markScoreFailed(db, { id: row.id, attempts: 1, maxAttempts: 8 }, "the LMS could not be reached");
    let now = await db.ltiScore.findUniqueOrThrow({ where: { id: row.id } });
    expect([now.status, now.lastError]).toEqual(["QUEUED", "the LMS could not be reached"]);
    expect(now.runAfter.getTime()).toBeGreaterThan(Date.now());
    await markScoreFailed(db, { id: row.id, attempts: 8, maxAttempts: 8 }, "still down");
    now = await db.ltiScore.findUniqueOrThrow({ where: { id: row.id } });
    expect(now.status).toBe("FAILED");
    expect(await retryScore(db, row.id, "another-term")).toBe(0);
    expect(await retryScore(db, row.id, termId)).toBe(1);
    now = await db.ltiScore.findUniqueOrThrow({ where: { id: row.id } });
    expect([now.status, now.attempts, now.lastError]).toEqual(["QUEUED", 0, null]);
  });
});

describe("LTI roles", () => {
  it("map to course roles; a TA sub-role wins over the Instructor role platforms send with it; other roles map to none", () => {
    const m = "http://purl.imsglobal.org/vocab/lis/v2/membership";
    expect(courseRoleOf([`${m}#Learner`])).toBe("STUDENT");
    expect(courseRoleOf([`${m}#Instructor`, `${m}#Learner`])).toBe("INSTRUCTOR");
    expect(courseRoleOf([`${m}#Instructor`, `${m}/Instructor#TeachingAssistant`])).toBe("TA");
    expect(courseRoleOf([`${m}#Mentor`, "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student"])).toBeNull();
  });
});
