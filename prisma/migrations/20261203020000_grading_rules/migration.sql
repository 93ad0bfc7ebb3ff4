-- A regrade grades against the version staff chose: the job carries it (NULL: the submission's own
-- version), and every Grading's versionId now references a real version.
ALTER TABLE "GradingJob" ADD COLUMN "versionId" TEXT;
ALTER TABLE "GradingJob" ADD CONSTRAINT "GradingJob_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "AssignmentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Grading" ADD CONSTRAINT "Grading_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "AssignmentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
