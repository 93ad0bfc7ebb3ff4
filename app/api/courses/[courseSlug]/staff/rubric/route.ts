// POST {rubricItemId, points, description} — edit a rubric item; every score using it is recomputed.
import { STAFF, authorizeCourse } from "@/lib/access";
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/body";
import { editRubricItem } from "@/lib/grades/manual-grading";
import { rubricBody } from "@/lib/http/staff-route-input";
import { handler } from "@/lib/http/responses";

export const POST = handler(async (req: Request, { params }: { params: Promise<{ courseSlug: string }> }) => {
  const { courseSlug } = await params;
  const { course, user } = await authorizeCourse(courseSlug, STAFF);
  const body = rubricBody.parse(await readJsonBody(req, 16 * 1024));
  const result = await editRubricItem(await getDb(), { courseId: course.id, rubricItemId: body.rubricItemId, points: body.points, description: body.description, actorId: user.id });
  return Response.json(result);
});
