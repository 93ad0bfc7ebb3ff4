// POST /api/regrade-requests — a student asks for a regrade of one question of their graded
// submission. The guard (enrolled in the course term), zod, a body cap, then lib/grades/regrade-requests
// (own submission only — anyone else's is a 404 —, released, inside the window, one open per question, rate limited).
import { authorizeTerm } from "@/lib/access";
import { getDb } from "@/lib/db";
import { handler } from "@/lib/http/responses";
import { readJsonBody } from "@/lib/http/body";
import { regradeRequestBodySchema } from "@/lib/submissions/request";
import { createRegradeRequest } from "@/lib/grades/regrade-requests";

export const POST = handler(async (req: Request) => {
  const body = regradeRequestBodySchema.parse(await readJsonBody(req, 16 * 1024));
  const access = await authorizeTerm(body.course.course, body.course.term);
  const created = await createRegradeRequest(await getDb(), {
    termId: access.term.id,
    userId: access.user.id,
    submissionId: body.submissionId,
    target: body.target,
    text: body.text,
  });
  return Response.json(created, { status: 201 });
});
