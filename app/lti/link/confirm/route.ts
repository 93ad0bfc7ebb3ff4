// POST /lti/link/confirm — an instructor links an LMS context to a course term they teach (form post
// from /lti/link; same-origin checked, session + ticket + the access guard decide).
import { z } from "zod";
import { authorizeTerm, currentUser } from "@/lib/access";
import { courseRef } from "@/lib/courses/slugs";
import { getDb } from "@/lib/db";
import { handler, HttpError } from "@/lib/http/responses";
import { linkContext } from "@/lib/lti/context-link";
import { readForm } from "@/lib/lti/form";
import { linkTicketSchema, readTicket } from "@/lib/lti/tickets";

const formSchema = z.object({ ticket: z.string().min(1).max(4000), course: courseRef });

export const POST = handler(async (req: Request) => {
  const user = await currentUser();
  if (!user) throw new HttpError(401, "Sign in to continue.");
  const form = formSchema.parse(await readForm(req));
  const ticket = await readTicket(linkTicketSchema, form.ticket, user.id);
  const { course, term } = await authorizeTerm(form.course.course, form.course.term, ["INSTRUCTOR"]);
  const db = await getDb();
  await linkContext(db, ticket.ctx, term.id);
  await db.auditLog.create({ data: { termId: term.id, actorId: user.id, action: "lti.link", targetId: ticket.ctx, data: {} } });
  return new Response(null, { status: 303, headers: { location: ticket.next === "/courses" ? `/courses/${course.slug}/${term.slug}` : ticket.next } });
});
