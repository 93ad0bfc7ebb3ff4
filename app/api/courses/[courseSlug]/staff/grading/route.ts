// POST {submissionId, itemIds, comment, adjustment, revision} — save a rubric grading of a proof.
// 409 when someone else saved a newer revision in the meantime.
import { STAFF, authorizeCourse } from "@/lib/access";
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/body";
import { saveManualGrading } from "@/lib/grades/manual-grading";
import { gradingBody } from "@/lib/http/staff-route-input";
import { handler } from "@/lib/http/responses";

export const POST = handler(async (req: Request, { params }: { params: Promise<{ courseSlug: string }> }) => {
  const { courseSlug } = await params;
  const { course, user } = await authorizeCourse(courseSlug, STAFF);
  const body = gradingBody.parse(await readJsonBody(req, 64 * 1024));
  const saved = await saveManualGrading(await getDb(), {
    courseId: course.id,
    submissionId: body.submissionId,
    graderId: user.id,
    itemIds: body.itemIds,
    comment: body.comment,
    adjustment: body.adjustment,
    expectedRevision: body.revision,
  });
  return Response.json(saved);
});
