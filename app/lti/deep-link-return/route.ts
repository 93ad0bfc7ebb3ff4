// POST /lti/deep-link-return — the picker's form (same origin, signed in, staff of the linked
// course, with its ticket) → a page that posts the signed deep-linking response to the LMS.
import { z } from "zod";
import { STAFF, authorizeTerm, currentUser } from "@/lib/access";
import { siteUrl } from "@/lib/auth/site-url";
import { getDb } from "@/lib/db";
import { checkSameOrigin, toErrorResponse } from "@/lib/http/responses";
import { HttpError } from "@/lib/http/http-error";
import { linkedTerm } from "@/lib/lti/context-link";
import { deepLinkingResponse } from "@/lib/lti/deep-linking";
import { readFormAll } from "@/lib/lti/form";
import { escapeHtml, htmlPage, ltiMessages } from "@/lib/lti/pages";
import { deepLinkTicketSchema, readTicket } from "@/lib/lti/tickets";

const formSchema = z.object({ ticket: z.string().min(1).max(4000), assignments: z.array(z.string().min(1).max(100)).max(200) });

export async function POST(req: Request): Promise<Response> {
  try {
    checkSameOrigin(req);
    const user = await currentUser();
    if (!user) throw new HttpError(401, "Sign in to continue.");
    const raw = await readFormAll(req);
    const form = formSchema.parse({ ticket: raw.get("ticket") ?? "", assignments: raw.getAll("assignment") });
    const ticket = await readTicket(deepLinkTicketSchema, form.ticket, user.id);
    const db = await getDb();
    const linked = await linkedTerm(db, ticket.ctx);
    if (!linked) throw new HttpError(409, "This LMS course is not linked to a course here yet.");
    const { term } = await authorizeTerm(linked.course.slug, linked.slug, STAFF);
    const jwt = await deepLinkingResponse(db, ticket, term.id, form.assignments, siteUrl());
    const { locale, m } = ltiMessages(req);
    const body = `<h1>${escapeHtml(m.returning)}</h1><form method="post" action="${escapeHtml(ticket.returnUrl)}"><input type="hidden" name="JWT" value="${escapeHtml(jwt)}"><button type="submit">${escapeHtml(m.returnButton)}</button></form><script>document.forms[0].submit()</script>`;
    return htmlPage(m.returning, body, { locale, formAction: [new URL(ticket.returnUrl).origin] });
  } catch (error) {
    return toErrorResponse(error);
  }
}
