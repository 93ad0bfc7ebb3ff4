// POST {assignment, published} publishes (true) or unpublishes (false) an assignment's grades (audited).
import { staffRoute } from "@/lib/http/staff-route";
import { setGradesPublished } from "@/lib/grades/publish";
import { releaseBody } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ body: releaseBody, maxBytes: 4 * 1024 }, async ({ db, term, user, body }) => {
  const { publishedAt } = await setGradesPublished(db, { termId: term.id, assignmentSlug: body.assignment, published: body.published, actorId: user.id });
  return { ok: true, publishedAt: publishedAt?.toISOString() ?? null };
});
