// POST {userId, assignment, dueAt, lateUntil?, reason} grants or changes an extension;
// DELETE {extensionId} removes one.
import { staffRoute } from "@/lib/http/staff-route";
import { grantExtension, revokeExtension } from "@/lib/grades/extensions";
import { extensionBody, extensionDelete } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ body: extensionBody, maxBytes: 16 * 1024 }, async ({ db, term, user, body }) => {
  await grantExtension(db, {
    termId: term.id,
    assignmentSlug: body.assignment,
    userId: body.userId,
    dueAt: body.dueAt,
    lateUntil: body.lateUntil ?? null,
    reason: body.reason,
    actorId: user.id,
  });
  return { ok: true };
});

export const DELETE = staffRoute({ body: extensionDelete, maxBytes: 4 * 1024 }, async ({ db, term, user, body }) => {
  await revokeExtension(db, term.id, body.extensionId, user.id);
  return { ok: true };
});
