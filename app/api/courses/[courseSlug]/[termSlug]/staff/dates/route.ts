// POST {assignment, releaseAt, dueAt, lateUntil} — an instructor sets this term's dates of one
// assignment; they win over the course folder's dates from then on (sync keeps them).
import { staffRoute } from "@/lib/http/staff-route";
import { setAssignmentDates } from "@/lib/courses/terms";
import { datesBody } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ roles: ["INSTRUCTOR"], body: datesBody, maxBytes: 4 * 1024 }, async ({ db, term, user, body }) => {
  await setAssignmentDates(db, {
    termId: term.id,
    assignmentSlug: body.assignment,
    releaseAt: body.releaseAt,
    dueAt: body.dueAt,
    lateUntil: body.lateUntil,
    actorId: user.id,
  });
  return { ok: true };
});
