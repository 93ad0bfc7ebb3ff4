// POST {assignment} — the assignment checker on the current version, grading the reference and
// starter live in a grader pool created for this request and closed after it.
import { STAFF, authorizeCourse } from "@/lib/access";
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/body";
import { requireStaffAssignment } from "@/lib/assignments/course-data";
import { checkVersion } from "@/lib/assignments/preview";
import { checkBody } from "@/lib/http/staff-route-input";
import { handler } from "@/lib/http/responses";

export const POST = handler(async (req: Request, { params }: { params: Promise<{ courseSlug: string }> }) => {
  const { courseSlug } = await params;
  const { course } = await authorizeCourse(courseSlug, STAFF);
  const body = checkBody.parse(await readJsonBody(req, 4 * 1024));
  const a = await requireStaffAssignment(await getDb(), course.id, body.assignment);
  return Response.json(await checkVersion(a.slug, a.currentVersion.contentHash, a.content));
});
