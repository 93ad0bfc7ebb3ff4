// POST {submissionId, itemIds, comment, adjustment, revision} — save a rubric grading of a proof.
// 409 when someone else saved a newer revision in the meantime.
import { staffRoute } from "@/lib/http/staff-route";
import { saveManualGrading } from "@/lib/grades/manual-grading";
import { gradingBody } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ body: gradingBody, maxBytes: 64 * 1024 }, async ({ db, term, user, body }) =>
  saveManualGrading(db, {
    termId: term.id,
    submissionId: body.submissionId,
    graderId: user.id,
    itemIds: body.itemIds,
    comment: body.comment,
    adjustment: body.adjustment,
    expectedRevision: body.revision,
  }),
);
