// POST (no body) queues every grading of the course that failed on our side again.
import { staffRoute } from "@/lib/http/staff-route";
import { retryFailedJobs } from "@/lib/queue/failed-jobs";

export const POST = staffRoute({}, async ({ db, term, user }) => ({ retried: await retryFailedJobs(db, term.id, user.id) }));
