// POST {csv, commit} — preview a roster CSV (commit false) or import it all-or-nothing (commit true).
import { STAFF, authorizeCourse } from "@/lib/access";
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/body";
import { importRoster, previewRoster } from "@/lib/courses/roster-import";
import { rosterBody } from "@/lib/http/staff-route-input";
import { handler } from "@/lib/http/responses";

export const POST = handler(async (req: Request, { params }: { params: Promise<{ courseSlug: string }> }) => {
  const { courseSlug } = await params;
  const { course, user, enrollment } = await authorizeCourse(courseSlug, STAFF);
  const body = rosterBody.parse(await readJsonBody(req, 1_100_000));
  const db = await getDb();
  return Response.json(body.commit ? await importRoster(db, course.id, body.csv, { id: user.id, role: enrollment.role }) : await previewRoster(db, course.id, body.csv, enrollment.role));
});
