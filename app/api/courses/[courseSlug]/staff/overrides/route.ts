// POST {assignment, question, userId, score|null, reason} — set (or remove) a grade override.
import { STAFF, authorizeCourse } from "@/lib/access";
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/body";
import { requireStaffAssignment } from "@/lib/assignments/course-data";
import { setOverride } from "@/lib/grades/overrides";
import { overrideBody } from "@/lib/http/staff-route-input";
import { handler } from "@/lib/http/responses";

export const POST = handler(async (req: Request, { params }: { params: Promise<{ courseSlug: string }> }) => {
  const { courseSlug } = await params;
  const { course, user } = await authorizeCourse(courseSlug, STAFF);
  const body = overrideBody.parse(await readJsonBody(req, 16 * 1024));
  const db = await getDb();
  const a = await requireStaffAssignment(db, course.id, body.assignment);
  await setOverride(db, { courseId: course.id, assignmentId: a.id, userId: body.userId, questionKey: body.question, score: body.score, reason: body.reason, actorId: user.id });
  return Response.json({ ok: true });
});
