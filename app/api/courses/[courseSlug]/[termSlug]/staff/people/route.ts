// POST {action, userIds | all, role?, section?} — roster actions: invite (links shown or mailed),
// drop, reactivate, change role or section, unlock after sign-in throttling. All audited.
import { staffRoute } from "@/lib/http/staff-route";
import { invitePeople } from "@/lib/auth/invitations";
import { applyRosterAction } from "@/lib/courses/roster-actions";
import { peopleBody } from "@/lib/http/staff-route-input";
import { localizedInviteResult } from "@/lib/http/staff-messages";

export const POST = staffRoute({ body: peopleBody, maxBytes: 200_000 }, async ({ db, course, term, user, role, body, req }) => {
  const actor = { id: user.id, role };
  if (body.action === "invite")
    return localizedInviteResult(req, await invitePeople(db, { ...course, termId: term.id }, actor, { userIds: body.userIds, all: body.all }));
  return applyRosterAction(db, term.id, actor, body);
});
