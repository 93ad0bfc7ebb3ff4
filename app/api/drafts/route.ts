// PUT /api/drafts — saves the student's editor content for a question (debounced by the browser).
// A failed save keeps the previous draft and tells the browser, which keeps its copy and retries.
import { authorizeTerm } from "@/lib/access";
import { getDb } from "@/lib/db";
import { HttpError, handler } from "@/lib/http/responses";
import { readJsonBody } from "@/lib/http/body";
import { draftBodySchema } from "@/lib/submissions/request";
import { MAX_SUBMISSION_BYTES } from "@/lib/submissions/answer-shape";
import { isReleasedTo } from "@/lib/grades/release";

export const PUT = handler(async (req: Request) => {
  const body = draftBodySchema.parse(await readJsonBody(req, 600 * 1024));
  if (Buffer.byteLength(body.content) > MAX_SUBMISSION_BYTES)
    throw new HttpError(413, `Your draft is over ${MAX_SUBMISSION_BYTES / 1024} KB, the limit; it was not saved.`);
  const access = await authorizeTerm(body.course.course, body.course.term);
  const db = await getDb();
  const assignment = await db.assignment.findUnique({
    where: { termId_slug: { termId: access.term.id, slug: body.assignment } },
    include: { currentVersion: { select: { questions: { select: { key: true } } } } },
  });
  // Unreleased work is invisible to students, here as on submit (no probing slugs by status).
  if (!assignment || !isReleasedTo(assignment, access, new Date())) throw new HttpError(404, "No such assignment.");
  // Drafts only for questions that exist: otherwise any key would do, 256 KB each, without end.
  if (!assignment.currentVersion?.questions.some((q) => q.key === body.question)) throw new HttpError(404, "No such question in this assignment.");
  try {
    const draft = await db.draft.upsert({
      where: { userId_assignmentId_questionKey: { userId: access.user.id, assignmentId: assignment.id, questionKey: body.question } },
      create: { userId: access.user.id, assignmentId: assignment.id, questionKey: body.question, content: body.content },
      update: { content: body.content },
    });
    return Response.json({ savedAt: draft.updatedAt.toISOString() });
  } catch (error) {
    console.error("draft save failed", error);
    throw new HttpError(503, "Your draft could not be saved just now (your previous draft is kept). We will retry; keep this tab open.", {
      "Retry-After": "5",
    });
  }
});
