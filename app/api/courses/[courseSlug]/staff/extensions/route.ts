// POST {userId, assignment, dueAt, lateUntil?, reason} grants or changes an extension;
// DELETE {extensionId} removes one.
import { STAFF, authorizeCourse } from "@/lib/access";
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/body";
import { requireStaffAssignment } from "@/lib/assignments/course-data";
import { grantExtension, revokeExtension } from "@/lib/grades/extensions";
import { extensionBody, extensionDelete } from "@/lib/http/staff-route-input";
import { handler } from "@/lib/http/responses";

type Ctx = { params: Promise<{ courseSlug: string }> };

export const POST = handler(async (req: Request, { params }: Ctx) => {
  const { courseSlug } = await params;
  const { course, user } = await authorizeCourse(courseSlug, STAFF);
  const body = extensionBody.parse(await readJsonBody(req, 16 * 1024));
  const db = await getDb();
  const a = await requireStaffAssignment(db, course.id, body.assignment);
  await grantExtension(db, { courseId: course.id, assignmentId: a.id, userId: body.userId, dueAt: body.dueAt, lateUntil: body.lateUntil ?? null, reason: body.reason, actorId: user.id });
  return Response.json({ ok: true });
});

export const DELETE = handler(async (req: Request, { params }: Ctx) => {
  const { courseSlug } = await params;
  const { course, user } = await authorizeCourse(courseSlug, STAFF);
  const body = extensionDelete.parse(await readJsonBody(req, 4 * 1024));
  await revokeExtension(await getDb(), course.id, body.extensionId, user.id);
  return Response.json({ ok: true });
});
