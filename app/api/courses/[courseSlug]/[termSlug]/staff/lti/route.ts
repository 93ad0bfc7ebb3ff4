// POST — LMS actions of course staff: pull the roster from a linked LMS course (preview, then
// apply through the CSV import), or queue a failed score again.
import { z } from "zod";
import { staffRoute } from "@/lib/http/staff-route";
import { HttpError } from "@/lib/http/http-error";
import { applyRosterSync, previewRosterSync } from "@/lib/lti/roster-sync";
import { retryScore } from "@/lib/lti/scores";

const body = z.discriminatedUnion("action", [
  z.object({ action: z.literal("roster"), context: z.string().min(1).max(100), commit: z.boolean().default(false) }).strict(),
  z.object({ action: z.literal("retry"), scoreId: z.string().min(1).max(100) }).strict(),
]);

export const POST = staffRoute({ body, maxBytes: 4096 }, async ({ db, term, user, role, body }) => {
  if (body.action === "retry") {
    const retried = await retryScore(db, body.scoreId, term.id);
    if (!retried) throw new HttpError(404, "No such failed score in this course.");
    return { retried };
  }
  return body.commit ? applyRosterSync(db, body.context, term.id, { id: user.id, role }) : previewRosterSync(db, body.context, term.id, role);
});
