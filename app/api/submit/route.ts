// POST /api/submit — a student's Submit or Run. The guard, zod, a body cap, then lib/submissions.
import { authorizeTerm } from "@/lib/access";
import { getDb } from "@/lib/db";
import { isEmbedded } from "@/lib/env";
import { HttpError, handler } from "@/lib/http/responses";
import { readJsonBody } from "@/lib/http/body";
import { submitBodySchema } from "@/lib/submissions/request";
import { submit } from "@/lib/submissions/submit";

export const POST = handler(async (req: Request) => {
  const body = submitBodySchema.parse(await readJsonBody(req, 600 * 1024));
  const access = await authorizeTerm(body.course.course, body.course.term);
  const db = await getDb();
  try {
    const result = await submit(db, {
      userId: access.user.id,
      termId: access.term.id,
      assignmentSlug: body.assignment,
      questionKey: body.question,
      kind: body.kind,
      code: body.code,
      answer: body.answer,
      clientToken: body.clientToken,
      isStaff: access.isStaff,
      embedded: isEmbedded(),
    });
    return Response.json(result, { status: result.duplicate ? 200 : 202 });
  } catch (error) {
    if (error instanceof HttpError) throw error; // a refusal: its status and message as they are
    console.error("submit failed", error);
    // One transaction wrote the submission and its job, so a failure left nothing behind.
    throw new HttpError(503, "We could not save your submission just now; nothing was recorded. Please try again in a moment.", { "Retry-After": "5" });
  }
});
