-- Course policies: grade release (auto, or held until staff publish), late days (a course budget,
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
