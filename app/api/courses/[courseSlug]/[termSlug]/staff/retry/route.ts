// POST (no body) queues every grading of the course that failed on our side again.
import { staffRoute } from "@/lib/http/staff-route";
import { retryFailedJobs } from "@/lib/queue/failed-jobs";

export const POST = staffRoute({}, async ({ db, course, user }) => ({ retried: await retryFailedJobs(db, course.id, user.id) }));
