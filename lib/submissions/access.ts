// Who may read a submission: its author, or staff of its course. Anyone else gets 404, the same
// answer as for a submission that does not exist.
import "server-only";
import { decideTermAccess, currentUser } from "@/lib/access";
import { HttpError } from "@/lib/http/http-error";
import { getDb } from "@/lib/db";
import { effectiveDeadlines } from "@/lib/submissions/policy";
import { submissionView, type SubmissionView } from "@/lib/submissions/views";

/**
 * Authorizes reading submission `id` (the checks run once) and returns a reader of its current
 * view; a live stream calls the reader again and again without repeating the checks.
 */
export async function submissionReader(id: string): Promise<() => Promise<SubmissionView>> {
  const user = await currentUser();
  if (!user) throw new HttpError(401, "Sign in to continue.");
  const db = await getDb();
  const s = await db.submission.findUnique({
    where: { id },
    select: { userId: true, assignmentId: true, assignment: { include: { term: { include: { course: true } } } } },
  });
  if (!s) throw new HttpError(404, "No such submission.");
  const access = await decideTermAccess(user.id, s.assignment.term.course.slug, s.assignment.term.slug).catch(() => null);
  if (!access || (s.userId !== user.id && !access.isStaff)) throw new HttpError(404, "No such submission.");
  const [ext, enrollment] = await Promise.all([
    db.extension.findUnique({ where: { userId_assignmentId: { userId: s.userId, assignmentId: s.assignmentId } } }),
    db.enrollment.findUnique({ where: { userId_termId: { userId: s.userId, termId: s.assignment.termId } }, select: { accommodationDays: true } }),
  ]);
  const due = effectiveDeadlines(s.assignment, ext, enrollment?.accommodationDays ?? 0).dueAt;
  return async () => {
    const found = await submissionView(db, id, { duePassed: due.getTime() < Date.now(), staff: access.isStaff });
    if (!found) throw new HttpError(404, "No such submission.");
    return found.view;
  };
}

export async function readableSubmission(id: string): Promise<SubmissionView> {
  return (await submissionReader(id))();
}
