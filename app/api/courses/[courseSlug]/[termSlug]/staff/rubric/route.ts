// POST {rubricItemId, points, description} — edit a rubric item; every score using it is recomputed.
import { staffRoute } from "@/lib/http/staff-route";
import { editRubricItem } from "@/lib/grades/manual-grading";
import { rubricBody } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ body: rubricBody, maxBytes: 16 * 1024 }, async ({ db, term, user, body }) =>
  editRubricItem(db, { termId: term.id, rubricItemId: body.rubricItemId, points: body.points, description: body.description, actorId: user.id }),
);
