// POST {assignment, question, version?} regrades every submission of a question that can count,
// against the chosen version (the current one by default);
// GET ?batch=<id> reports its progress.
import { staffRoute } from "@/lib/http/staff-route";
import { regradeProgress, startRegrade } from "@/lib/queue/regrade";
import { regradeBody, regradeQuery } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ body: regradeBody, maxBytes: 4 * 1024 }, async ({ db, course, user, body }) =>
  startRegrade(db, { courseId: course.id, assignmentSlug: body.assignment, questionKey: body.question, actorId: user.id, versionNumber: body.version }),
);

export const GET = staffRoute({ query: regradeQuery }, async ({ db, course, query }) => regradeProgress(db, course.id, query.batch));
