// POST {requestId, action: reply|escalate|resolve|reopen, text} — staff answer a regrade request
// (a TA may pass it to the instructor); every step is audited and the student reads the thread.
import { staffRoute } from "@/lib/http/staff-route";
import { answerRegradeRequest } from "@/lib/grades/regrade-requests";
import { regradeAnswerBody } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ body: regradeAnswerBody, maxBytes: 16 * 1024 }, async ({ db, term, user, role, body }) => {
  await answerRegradeRequest(db, {
    termId: term.id,
    requestId: body.requestId,
    actorId: user.id,
    actorRole: role,
    action: body.action,
    text: body.text,
  });
  return { ok: true };
});
