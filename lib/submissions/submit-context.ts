// What submit() reads before its checks, in one query: the assignment with its current version,
// the question's row, the student's extension, and the enrollment with its course's late-day
// budget. These were Prisma queries, three of them nested reads, and a class submitting at the
// deadline makes thousands of them; one prepared statement (lib/db/direct.ts) needs one round trip,
// is planned once per connection, and leaves Prisma nothing to compile or map. Dates come back as epoch milliseconds because the columns
// are `timestamp without time zone` holding UTC, which a JSON or text round trip would read as local.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runner } from "@/lib/db/direct";

export type SubmitContext = {
  assignment: {
    id: string;
    slug: string;
    hidden: boolean;
    releaseAt: Date;
    dueAt: Date;
    lateUntil: Date | null;
    latePenalty: number;
    maxLateDays: number | null;
  };
  version: { id: string; number: number } | null;
  /** The current version's row of the question asked for, or null. */
  questionId: string | null;
  extension: { dueAt: Date; lateUntil: Date | null } | null;
  enrollment: { id: string; accommodationDays: number; extraLateDays: number; lateDayCount: number } | null;
};

type Row = {
  id: string;
  slug: string;
  hidden: boolean;
  releaseMs: number;
  dueMs: number;
  lateUntilMs: number | null;
  latePenalty: number;
  maxLateDays: number | null;
  versionId: string | null;
  versionNumber: number | null;
  questionId: string | null;
  extension: { dueMs: number; lateUntilMs: number | null } | null;
  enrollment: { id: string; accommodationDays: number; extraLateDays: number; lateDayCount: number } | null;
};

const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

const SQL = `
  SELECT a.id, a.slug, a.hidden, ${ms('a."releaseAt"')} AS "releaseMs", ${ms('a."dueAt"')} AS "dueMs",
         ${ms('a."lateUntil"')} AS "lateUntilMs", a."latePenalty", a."maxLateDays",
         v.id AS "versionId", v.number AS "versionNumber",
         (SELECT q.id FROM "Question" q WHERE q."versionId" = v.id AND q.key = $3) AS "questionId",
         (SELECT json_build_object('dueMs', ${ms('e."dueAt"')}, 'lateUntilMs', ${ms('e."lateUntil"')})
            FROM "Extension" e WHERE e."userId" = $4 AND e."assignmentId" = a.id) AS extension,
         (SELECT json_build_object('id', en.id, 'accommodationDays', en."accommodationDays",
                                   'extraLateDays', en."extraLateDays", 'lateDayCount', c."lateDayCount")
            FROM "Enrollment" en JOIN "Term" t ON t.id = en."termId" JOIN "Course" c ON c.id = t."courseId"
           WHERE en."userId" = $4 AND en."termId" = $1) AS enrollment
    FROM "Assignment" a LEFT JOIN "AssignmentVersion" v ON v.id = a."currentVersionId"
   WHERE a."termId" = $1 AND a.slug = $2`;

const date = (v: number | null): Date | null => (v === null ? null : new Date(v));

/** The assignment `slug` of term `termId` as `userId` submits to its question `questionKey`; null when there is no such assignment. */
export async function readSubmitContext(db: PrismaClient, termId: string, slug: string, questionKey: string, userId: string): Promise<SubmitContext | null> {
  const rows = await runner(db)<Row>("submit-context", SQL, [termId, slug, questionKey, userId]);
  const r = rows[0];
  if (!r) return null;
  return {
    assignment: {
      id: r.id,
      slug: r.slug,
      hidden: r.hidden,
      releaseAt: new Date(r.releaseMs),
      dueAt: new Date(r.dueMs),
      lateUntil: date(r.lateUntilMs),
      latePenalty: r.latePenalty,
      maxLateDays: r.maxLateDays,
    },
    version: r.versionId !== null && r.versionNumber !== null ? { id: r.versionId, number: r.versionNumber } : null,
    questionId: r.questionId,
    extension: r.extension ? { dueAt: new Date(r.extension.dueMs), lateUntil: date(r.extension.lateUntilMs) } : null,
    enrollment: r.enrollment,
  };
}
