// POST {action, userIds | all, role?, section?} — roster actions: invite (links shown or mailed),
// drop, reactivate, change role or section, unlock after sign-in throttling. All audited.
import { STAFF, authorizeCourse } from "@/lib/access";
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/body";
import { handler } from "@/lib/http/responses";
import { invitePeople } from "@/lib/auth/invitations";
import { applyRosterAction } from "@/lib/courses/roster-actions";
import { peopleBody } from "@/lib/http/staff-route-input";

export const POST = handler(async (req: Request, { params }: { params: Promise<{ courseSlug: string }> }) => {
  const { courseSlug } = await params;
  const { course, user, enrollment } = await authorizeCourse(courseSlug, STAFF);
  const body = peopleBody.parse(await readJsonBody(req, 200_000));
  const db = await getDb();
  const actor = { id: user.id, role: enrollment.role };
  if (body.action === "invite") return Response.json(await invitePeople(db, course, actor, { userIds: body.userIds, all: body.all }));
  return Response.json(await applyRosterAction(db, course.id, actor, body));
});
