// POST {assignment, question, userId, score|null, reason} — set (or remove) a grade override.
import { staffRoute } from "@/lib/http/staff-route";
import { setOverride } from "@/lib/grades/overrides";
import { overrideBody } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ body: overrideBody, maxBytes: 16 * 1024 }, async ({ db, term, user, body }) => {
  await setOverride(db, {
    termId: term.id,
    assignmentSlug: body.assignment,
    userId: body.userId,
    questionKey: body.question,
    score: body.score,
    reason: body.reason,
    actorId: user.id,
  });
  return { ok: true };
});
