// A database made by today's (single-course) migrations, with data in it, carried over by the
// courses-and-terms migration: the course becomes a course with its first term, and every
// enrollment, assignment, submission, grading, extension and audit entry is still there, in it.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrations";
import { pgRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { withDatabase } from "../setup/db-url";
import { adminUrl } from "./lib/test-db";

const TERMS_MIGRATION = "20261204010000_courses_terms";
let db: SqlRunner;
let name: string;

beforeAll(async () => {
  name = `carry_${randomBytes(5).toString("hex")}`;
  const admin = await pgRunner(adminUrl());
  await admin.exec(`CREATE DATABASE "${name}"`).finally(() => admin.close());
  db = await pgRunner(withDatabase(adminUrl(), name));
  const all = await readMigrations();
  const before = all.filter((m) => m.name < TERMS_MIGRATION);
  expect(before.length).toBe(all.findIndex((m) => m.name === TERMS_MIGRATION));
  await applyMigrations(db, before);
  // Today's data: the demo course (with its free-text term), one without a term, people, work.
  await db.exec(`
    INSERT INTO "Course" (id, slug, title, "titleZh", term, "createdAt") VALUES
      ('c1', 'ml-theory', 'ML theory', '机器学习理论', 'Autumn 2026', '2026-09-01T00:00:00Z'),
      ('c2', 'stats', 'Statistics', NULL, NULL, '2025-03-05T00:00:00Z');
    INSERT INTO "User" (id, email, name) VALUES ('u1', 's1@x.test', 'S1'), ('u2', 'ta@x.test', 'TA');
    INSERT INTO "Enrollment" (id, "userId", "courseId", role, pseudonym, "leaderboardOptIn") VALUES
      ('e1', 'u1', 'c1', 'STUDENT', 'Fox', true), ('e2', 'u2', 'c1', 'TA', NULL, false), ('e3', 'u1', 'c2', 'STUDENT', NULL, false);
    INSERT INTO "Assignment" (id, "courseId", slug, title, "releaseAt", "dueAt", "updatedAt") VALUES
      ('a1', 'c1', 'layernorm', 'LayerNorm', '2026-08-20T00:00:00Z', '2026-12-01T00:00:00Z', now()),
      ('a2', 'c2', 'layernorm', 'Same slug, other course', '2025-03-10T00:00:00Z', '2025-04-01T00:00:00Z', now());
    INSERT INTO "AssignmentVersion" (id, "assignmentId", number, "contentHash", content) VALUES ('v1', 'a1', 1, 'h', '{}');
    UPDATE "Assignment" SET "currentVersionId" = 'v1' WHERE id = 'a1';
    INSERT INTO "Question" (id, "versionId", key, type, title, points, position, config) VALUES ('q1', 'v1', 'norms', 'CODE', 'Norms', 10, 0, '{}');
    INSERT INTO "Submission" (id, "userId", "assignmentId", "versionId", "questionId", "questionKey", code) VALUES ('s1', 'u1', 'a1', 'v1', 'q1', 'norms', 'x');
    INSERT INTO "Grading" (id, "submissionId", "versionId", score, "maxScore", status, report) VALUES ('g1', 's1', 'v1', 7, 10, 'graded', '{}');
    INSERT INTO "Extension" (id, "userId", "assignmentId", "dueAt") VALUES ('x1', 'u1', 'a1', '2026-12-05T00:00:00Z');
    INSERT INTO "AuditLog" (id, "courseId", "actorId", action, data) VALUES ('l1', 'c1', 'u2', 'extension.grant', '{}');
  `);
  // The courses-and-terms migration first, then the ones after it (course policies, LTI).
  expect((await applyMigrations(db))[0]).toBe(TERMS_MIGRATION);
});

afterAll(async () => {
  await db?.close();
  const admin = await pgRunner(adminUrl());
  await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.close());
});

describe("carrying a single-course database over to courses and terms", () => {
  it("gives each course one first term, its slug from the stored term text or else the creation year", async () => {
    const terms = await db.query<{ course: string; slug: string; title: string; startsAt: Date; endsAt: Date | null }>(
      `SELECT c.slug AS course, t.slug, t.title, t."startsAt", t."endsAt" FROM "Term" t JOIN "Course" c ON c.id = t."courseId" ORDER BY c.slug`,
    );
    expect(terms.map((t) => [t.course, t.slug, t.title, t.endsAt])).toEqual([
      ["ml-theory", "2026-autumn", "Autumn 2026", null],
      ["stats", "2025-term", "2025", null],
    ]);
    // It starts with its first release when that came before the course row (so it is under way).
    expect(terms[0]!.startsAt.toISOString()).toBe("2026-08-20T00:00:00.000Z");
  });

  it("moves enrollments and assignments into their course's term, nothing lost", async () => {
    const rows = await db.query<{ id: string; slug: string }>(
      `SELECT e.id, t.slug FROM "Enrollment" e JOIN "Term" t ON t.id = e."termId" JOIN "Course" c ON c.id = t."courseId" ORDER BY e.id`,
    );
    expect(rows).toEqual([
      { id: "e1", slug: "2026-autumn" },
      { id: "e2", slug: "2026-autumn" },
      { id: "e3", slug: "2025-term" },
    ]);
    const [fox] = await db.query<{ pseudonym: string; leaderboardOptIn: boolean }>(`SELECT pseudonym, "leaderboardOptIn" FROM "Enrollment" WHERE id = 'e1'`);
    expect(fox).toEqual({ pseudonym: "Fox", leaderboardOptIn: true });
    const assignments = await db.query<{ id: string; course: string; currentVersionId: string | null }>(
      `SELECT a.id, c.slug AS course, a."currentVersionId" FROM "Assignment" a JOIN "Term" t ON t.id = a."termId" JOIN "Course" c ON c.id = t."courseId" ORDER BY a.id`,
    );
    expect(assignments).toEqual([
      { id: "a1", course: "ml-theory", currentVersionId: "v1" },
      { id: "a2", course: "stats", currentVersionId: null },
    ]);
  });

  it("keeps the work keyed on assignments: versions, submissions, gradings, extensions", async () => {
    const counts = await db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM "AssignmentVersion") + (SELECT count(*) FROM "Submission") + (SELECT count(*) FROM "Grading") + (SELECT count(*) FROM "Extension")::int AS n`,
    );
    expect(Number(counts[0]!.n)).toBe(4);
    const [g] = await db.query<{ score: number }>(`SELECT score FROM "Grading" WHERE id = 'g1'`);
    expect(g!.score).toBe(7);
  });

  it("names the term in existing audit entries and drops the free-text term column", async () => {
    const [entry] = await db.query<{ courseId: string; termId: string }>(`SELECT "courseId", "termId" FROM "AuditLog" WHERE id = 'l1'`);
    expect(entry).toEqual({ courseId: "c1", termId: "term-c1" });
    const cols = await db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Course' ORDER BY column_name`);
    expect(cols.map((c) => c.column_name)).not.toContain("term");
  });

  it("enforces the new keys: one enrollment per person and term, one assignment slug per term", async () => {
    await expect(db.exec(`INSERT INTO "Enrollment" (id, "userId", "termId", role) VALUES ('dup', 'u1', 'term-c1', 'TA')`)).rejects.toThrow(/unique/i);
    await expect(
      db.exec(
        `INSERT INTO "Assignment" (id, "termId", slug, title, "releaseAt", "dueAt", "updatedAt") VALUES ('dup', 'term-c1', 'layernorm', 'x', now(), now(), now())`,
      ),
    ).rejects.toThrow(/unique/i);
  });
});
