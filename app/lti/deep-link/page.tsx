import { getTranslations } from "next-intl/server";
import { STAFF, requireTermRole, requireUser } from "@/lib/access";
import { getDb } from "@/lib/db";
import { staffAssignments } from "@/lib/assignments/course-data";
import { linkedTerm } from "@/lib/lti/context-link";
import { deepLinkTicketSchema, readTicket } from "@/lib/lti/tickets";
import { HttpError } from "@/lib/http/http-error";

// Deep linking: staff pick the assignments to add to the LMS course; /lti/deep-link-return signs
// the answer and posts it back to the LMS.
export default async function DeepLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = typeof params.ticket === "string" ? params.ticket : undefined;
  const here = `/lti/deep-link?ticket=${encodeURIComponent(raw ?? "")}`;
  const user = await requireUser(here);
  const t = await getTranslations("lti");
  let ticket;
  try {
    ticket = await readTicket(deepLinkTicketSchema, raw, user.id);
  } catch (error) {
    if (error instanceof HttpError) return <p className="error">{error.message}</p>;
    throw error;
  }
  const db = await getDb();
  const linked = await linkedTerm(db, ticket.ctx);
  if (!linked) return <p className="error">{t("refused.not-linked.what")}</p>;
  const { course, term } = await requireTermRole(linked.course.slug, linked.slug, STAFF, here);
  const assignments = await staffAssignments(db, term.id);
  return (
    <section>
      <h1>{t("deepLinkTitle")}</h1>
      <p>{t("deepLinkLead", { course: `${course.title} (${term.title})` })}</p>
      <form method="post" action="/lti/deep-link-return">
        <input type="hidden" name="ticket" value={raw} />
        <fieldset>
          <legend>{t("deepLinkChoose")}</legend>
          {assignments.map((a) => (
            <label key={a.id} style={{ display: "block" }}>
              <input type={ticket.multiple ? "checkbox" : "radio"} name="assignment" value={a.slug} /> {a.title}{" "}
              <span className="muted">
                ({a.slug}, {t("points", { points: (a.currentVersion?.questions ?? []).reduce((s, q) => s + q.points, 0) })})
              </span>
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit">{t("deepLinkSubmit")}</button>
        </p>
      </form>
    </section>
  );
}
