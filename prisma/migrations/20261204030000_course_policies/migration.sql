-- Course policies: grade release (auto, or held until staff publish), regrade requests, late days (a course budget,
-- per-assignment caps, grants and accommodations per enrollment, and a ledger of days spent).

-- CreateEnum
CREATE TYPE "GradeRelease" AS ENUM ('AUTO', 'MANUAL');

-- AlterTable
ALTER TABLE "Course" ADD COLUMN "lateDayCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "lateDayHours" INTEGER NOT NULL DEFAULT 24;

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN "accommodationDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "extraLateDays" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "gradeRelease" "GradeRelease" NOT NULL DEFAULT 'AUTO',
ADD COLUMN "hideScoresUntilRelease" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "gradesPublishedAt" TIMESTAMP(3),
ADD COLUMN "maxLateDays" INTEGER;

-- CreateTable
CREATE TABLE "LateDaySpend" (
    "id" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LateDaySpend_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LateDaySpend_enrollmentId_assignmentId_key" ON "LateDaySpend"("enrollmentId", "assignmentId");

-- AddForeignKey
ALTER TABLE "LateDaySpend" ADD CONSTRAINT "LateDaySpend_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LateDaySpend" ADD CONSTRAINT "LateDaySpend_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The rules of lib/grades, backed by the database: day counts are never negative, a day has hours.
ALTER TABLE "LateDaySpend" ADD CONSTRAINT "LateDaySpend_days_check" CHECK ("days" >= 0);
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_lateDays_check" CHECK ("accommodationDays" >= 0 AND "extraLateDays" >= 0);
ALTER TABLE "Course" ADD CONSTRAINT "Course_lateDays_check" CHECK ("lateDayCount" >= 0 AND "lateDayHours" > 0);

-- Regrade requests: one question of a graded submission, a thread of messages, an outcome.
-- CreateEnum
CREATE TYPE "RegradeStatus" AS ENUM ('OPEN', 'ESCALATED', 'RESOLVED');

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "regradeWindowDays" INTEGER NOT NULL DEFAULT 7;

-- CreateTable
CREATE TABLE "RegradeRequest" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "target" TEXT,
    "status" "RegradeStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegradeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegradeMessage" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegradeMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegradeRequest_assignmentId_questionKey_userId_idx" ON "RegradeRequest"("assignmentId", "questionKey", "userId");

-- CreateIndex
CREATE INDEX "RegradeRequest_status_createdAt_idx" ON "RegradeRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RegradeMessage_requestId_createdAt_idx" ON "RegradeMessage"("requestId", "createdAt");

-- AddForeignKey
ALTER TABLE "RegradeRequest" ADD CONSTRAINT "RegradeRequest_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RegradeRequest" ADD CONSTRAINT "RegradeRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RegradeRequest" ADD CONSTRAINT "RegradeRequest_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RegradeRequest" ADD CONSTRAINT "RegradeRequest_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RegradeMessage" ADD CONSTRAINT "RegradeMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RegradeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RegradeMessage" ADD CONSTRAINT "RegradeMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
