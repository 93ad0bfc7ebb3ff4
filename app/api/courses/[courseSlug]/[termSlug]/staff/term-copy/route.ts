// POST {to, title?, shiftDays | startsAt} — an instructor (or a site admin) copies this term into a
// new one: assignments, current content, rubric and shifted dates; never people or work.
import { staffRoute } from "@/lib/http/staff-route";
import { copyTerm } from "@/lib/courses/terms";
import { termCopyBody } from "@/lib/http/staff-route-input";

export const POST = staffRoute({ roles: ["INSTRUCTOR"], body: termCopyBody, maxBytes: 4 * 1024 }, async ({ db, course, term, user, body }) => {
  const r = await copyTerm(db, {
    courseId: course.id,
    from: term.slug,
    to: body.to,
    title: body.title,
    shiftDays: body.shiftDays,
    startsAt: body.startsAt,
    actorId: user.id,
  });
  const message = `Term ${r.term.slug} created with ${r.assignments} assignments, dates shifted by ${r.shiftDays} days: /courses/${course.slug}/${r.term.slug}`;
  return { term: r.term.slug, assignments: r.assignments, shiftDays: r.shiftDays, message };
});
