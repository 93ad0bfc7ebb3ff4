-- A regrade grades against the version staff chose: the job carries it (NULL: the submission's own
-- version), and every Grading's versionId now references a real version.
ALTER TABLE "GradingJob" ADD COLUMN "versionId" TEXT;
ALTER TABLE "GradingJob" ADD CONSTRAINT "GradingJob_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "AssignmentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Grading" ADD CONSTRAINT "Grading_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "AssignmentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One default for a job's infrastructure attempts: the code's MAX_JOB_ATTEMPTS (it said 3, the code 5).
ALTER TABLE "GradingJob" ALTER COLUMN "maxAttempts" SET DEFAULT 5;

-- A leaderboard pseudonym is unique in its course (the route checked, then wrote: a race).
CREATE UNIQUE INDEX "Enrollment_courseId_pseudonym_key" ON "Enrollment"("courseId", "pseudonym");

-- Who granted an extension or set an override is a person (or nobody, once they are deleted).
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "GradeOverride" ADD CONSTRAINT "GradeOverride_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The rules of lib/grades, backed by the database: scores lie within [0, their maximum], points
-- are not negative, a late penalty is a fraction in [0, 1].
ALTER TABLE "Grading" ADD CONSTRAINT "Grading_score_check" CHECK ("score" >= 0 AND "score" <= "maxScore");
ALTER TABLE "TestResult" ADD CONSTRAINT "TestResult_score_check" CHECK ("score" >= 0 AND "score" <= "maxScore");
ALTER TABLE "Question" ADD CONSTRAINT "Question_points_check" CHECK ("points" >= 0);
ALTER TABLE "ManualGrading" ADD CONSTRAINT "ManualGrading_score_check" CHECK ("score" >= 0);
ALTER TABLE "GradeOverride" ADD CONSTRAINT "GradeOverride_score_check" CHECK ("score" >= 0);
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_latePenalty_check" CHECK ("latePenalty" >= 0 AND "latePenalty" <= 1);
