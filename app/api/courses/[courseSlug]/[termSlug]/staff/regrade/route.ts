// POST {assignment, question, version?} regrades every submission of a question that can count,
// against the chosen version (the current one by default);
// GET ?batch=<id> reports its progress.
import { staffRoute } from "@/lib/http/staff-route";
import { regradeProgress, startRegrade } from "@/lib/queue/regrade";
import { regradeBody, regradeQuery } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ body: regradeBody, maxBytes: 4 * 1024 }, async ({ db, term, user, body }) =>
  startRegrade(db, { termId: term.id, assignmentSlug: body.assignment, questionKey: body.question, actorId: user.id, versionNumber: body.version }),
);

export const GET = staffRoute({ query: regradeQuery }, async ({ db, term, query }) => regradeProgress(db, term.id, query.batch));
