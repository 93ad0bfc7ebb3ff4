-- Hidden tests draw their random inputs from a seed per submission (issue 21): drawn at submit,
-- reused by every regrade of the submission (so a grade is reproducible), and recorded with each
-- grading. Rows from before have none (their gradings used fixed inputs).
ALTER TABLE "Submission" ADD COLUMN "gradingSeed" TEXT;
ALTER TABLE "Grading" ADD COLUMN "seed" TEXT;
