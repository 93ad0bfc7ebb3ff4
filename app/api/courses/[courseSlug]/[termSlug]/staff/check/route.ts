// POST {assignment} — the assignment checker on the current version, grading the reference and
// starter live in a grader pool created for this request and closed after it.
import { staffRoute } from "@/lib/http/staff-route";
import { requireStaffAssignment } from "@/lib/assignments/course-data";
import { checkVersion } from "@/lib/assignments/preview";
import { checkBody } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ body: checkBody, maxBytes: 4 * 1024 }, async ({ db, term, body }) => {
  const a = await requireStaffAssignment(db, term.id, body.assignment);
  return checkVersion(a.slug, a.currentVersion.contentHash, a.content);
});
