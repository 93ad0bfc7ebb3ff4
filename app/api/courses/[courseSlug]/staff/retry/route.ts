// POST (no body) queues every grading of the course that failed on our side again.
import { STAFF, authorizeCourse } from "@/lib/access";
import { getDb } from "@/lib/db";
import { handler } from "@/lib/http/responses";
import { retryFailedJobs } from "@/lib/queue/failed-jobs";

export const POST = handler(async (_req: Request, { params }: { params: Promise<{ courseSlug: string }> }) => {
  const { courseSlug } = await params;
  const { course, user } = await authorizeCourse(courseSlug, STAFF);
  return Response.json({ retried: await retryFailedJobs(await getDb(), course.id, user.id) });
});
