// GET /api/submissions/:id — status and (redacted) results of one of your submissions.
import { handler } from "@/lib/http/responses";
import { submissionIdSchema } from "@/lib/submissions/request";
import { readableSubmission } from "@/lib/submissions/access";

export const GET = handler(async (_req: Request, ctx: { params: Promise<{ submissionId: string }> }) => {
  const id = submissionIdSchema.parse((await ctx.params).submissionId);
  return Response.json(await readableSubmission(id), { headers: { "Cache-Control": "no-store" } });
});
