-- The claim takes queued jobs in priority order, oldest first. The old index (status, priority,
-- runAfter) could only find them, so every claim sorted the whole backlog (0.9 ms with 3,000 jobs
-- queued, growing with it); in claim order it reads the first one and stops (0.09 ms at any size).
DROP INDEX "GradingJob_status_priority_runAfter_idx";
CREATE INDEX "GradingJob_status_priority_createdAt_idx" ON "GradingJob"("status", "priority" DESC, "createdAt");
