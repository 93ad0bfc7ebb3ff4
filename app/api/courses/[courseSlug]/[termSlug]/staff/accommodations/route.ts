// POST {userId, accommodationDays, extraLateDays, reason} sets a student's accommodation and
// granted late days (audited).
import { staffRoute } from "@/lib/http/staff-route";
import { setAccommodation } from "@/lib/grades/accommodations";
import { accommodationBody } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ body: accommodationBody, maxBytes: 4 * 1024 }, async ({ db, term, user, body }) => {
  await setAccommodation(db, { termId: term.id, actorId: user.id, ...body });
  return { ok: true };
});
