-- Many courses, each taught in terms. A Course is the catalog entry of one course folder; a Term is
-- one instance of it with its own roster, assignment dates and gradebook. Today's single-course
-- data carries over: every existing course gets one first term, and its enrollments and
-- assignments (with everything keyed on them: versions, submissions, gradings, extensions,
-- drafts, rubric items, overrides) move into that term. Nothing is deleted.

-- AlterTable: what course.yaml says about the course.
ALTER TABLE "Course" ADD COLUMN "languages" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN "timezone" TEXT NOT NULL DEFAULT 'UTC',
ADD COLUMN "contentDir" TEXT;

-- CreateTable
CREATE TABLE "Term" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "copiedFromId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Term_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Term_courseId_slug_key" ON "Term"("courseId", "slug");
ALTER TABLE "Term" ADD CONSTRAINT "Term_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Term" ADD CONSTRAINT "Term_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Term"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Each existing course's first term. Its slug comes from the stored term text ("Autumn 2026" ->
-- "2026-autumn"): the first four-digit year (else the course's creation year), then the remaining
-- words lowercased and joined by dashes (else "term"). It starts when its first assignment was
-- released or the course was created, whichever is earlier, and has no end, so it is current.
-- A demo-seeded ml-theory (term "Autumn 2026") becomes 2026-autumn,
-- the same slug a fresh start gives the demo course.
INSERT INTO "Term" ("id", "courseId", "slug", "title", "startsAt", "createdAt")
SELECT
    'term-' || c."id",
    c."id",
    COALESCE(substring(c."term" from '([0-9]{4})'), to_char(c."createdAt", 'YYYY')) || '-' ||
        COALESCE(NULLIF(trim(both '-' from lower(regexp_replace(regexp_replace(COALESCE(c."term", ''), '[0-9]{4}', '', 'g'), '[^A-Za-z0-9]+', '-', 'g'))), ''), 'term'),
    COALESCE(NULLIF(trim(c."term"), ''), to_char(c."createdAt", 'YYYY')),
    LEAST(c."createdAt", COALESCE((SELECT min(a."releaseAt") FROM "Assignment" a WHERE a."courseId" = c."id"), c."createdAt")),
    c."createdAt"
FROM "Course" c;

-- Enrollment: course -> term.
ALTER TABLE "Enrollment" ADD COLUMN "termId" TEXT;
UPDATE "Enrollment" SET "termId" = 'term-' || "courseId";
ALTER TABLE "Enrollment" ALTER COLUMN "termId" SET NOT NULL;
ALTER TABLE "Enrollment" DROP CONSTRAINT "Enrollment_courseId_fkey";
DROP INDEX "Enrollment_courseId_role_idx";
DROP INDEX "Enrollment_userId_courseId_key";
DROP INDEX "Enrollment_courseId_pseudonym_key";
ALTER TABLE "Enrollment" DROP COLUMN "courseId";
CREATE INDEX "Enrollment_termId_role_idx" ON "Enrollment"("termId", "role");
CREATE UNIQUE INDEX "Enrollment_userId_termId_key" ON "Enrollment"("userId", "termId");
CREATE UNIQUE INDEX "Enrollment_termId_pseudonym_key" ON "Enrollment"("termId", "pseudonym");
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Assignment: course -> term; its dates are now the term's dates. datesSetAt marks dates staff
-- set in the site, which sync then keeps.
ALTER TABLE "Assignment" ADD COLUMN "termId" TEXT,
ADD COLUMN "datesSetAt" TIMESTAMP(3);
UPDATE "Assignment" SET "termId" = 'term-' || "courseId";
ALTER TABLE "Assignment" ALTER COLUMN "termId" SET NOT NULL;
ALTER TABLE "Assignment" DROP CONSTRAINT "Assignment_courseId_fkey";
DROP INDEX "Assignment_courseId_slug_key";
ALTER TABLE "Assignment" DROP COLUMN "courseId";
CREATE UNIQUE INDEX "Assignment_termId_slug_key" ON "Assignment"("termId", "slug");
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AuditLog: entries name the term beside the course (existing ones: the course's first term).
ALTER TABLE "AuditLog" ADD COLUMN "termId" TEXT;
UPDATE "AuditLog" SET "termId" = 'term-' || "courseId" WHERE "courseId" IS NOT NULL;
CREATE INDEX "AuditLog_termId_createdAt_idx" ON "AuditLog"("termId", "createdAt");
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_termId_fkey" FOREIGN KEY ("termId") REFERENCES "Term"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The free-text term moved into Term.title.
ALTER TABLE "Course" DROP COLUMN "term";
