// POST {assignment, question, version?} regrades every submission of a question that can count,
// against the chosen version (the current one by default);
// GET ?batch=<id> reports its progress.
import { STAFF, authorizeCourse } from "@/lib/access";
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/body";
import { requireStaffAssignment } from "@/lib/assignments/course-data";
import { regradeProgress, startRegrade } from "@/lib/queue/regrade";
import { regradeBody, regradeQuery } from "@/lib/http/staff-route-input";
import { handler } from "@/lib/http/responses";

type Ctx = { params: Promise<{ courseSlug: string }> };

export const POST = handler(async (req: Request, { params }: Ctx) => {
  const { courseSlug } = await params;
  const { course, user } = await authorizeCourse(courseSlug, STAFF);
  const body = regradeBody.parse(await readJsonBody(req, 4 * 1024));
  const db = await getDb();
  const a = await requireStaffAssignment(db, course.id, body.assignment);
  return Response.json(await startRegrade(db, { courseId: course.id, assignmentId: a.id, questionKey: body.question, actorId: user.id, versionNumber: body.version }));
});

export const GET = handler(async (req: Request, { params }: Ctx) => {
  const { courseSlug } = await params;
  const { course } = await authorizeCourse(courseSlug, STAFF);
  const q = regradeQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await regradeProgress(await getDb(), course.id, q.batch));
});
