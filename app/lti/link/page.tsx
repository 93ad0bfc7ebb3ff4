import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/access";
import { getDb } from "@/lib/db";
import { readTicket, linkTicketSchema } from "@/lib/lti/tickets";
import { HttpError } from "@/lib/http/http-error";

// An instructor's first launch from an LMS course not linked yet: pick the course it is.
export default async function LinkContextPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = typeof params.ticket === "string" ? params.ticket : undefined;
  const user = await requireUser(`/lti/link?ticket=${encodeURIComponent(raw ?? "")}`);
  const t = await getTranslations("lti");
  let ticket;
  try {
    ticket = await readTicket(linkTicketSchema, raw, user.id);
  } catch (error) {
    if (error instanceof HttpError) return <p className="error">{error.message}</p>;
    throw error;
  }
  const db = await getDb();
  const context = await db.ltiContext.findUnique({ where: { id: ticket.ctx }, include: { platform: true } });
  // The terms this instructor teaches, newest first: an LMS course is one offering of a course.
  const terms = await db.term.findMany({
    where: { enrollments: { some: { userId: user.id, role: "INSTRUCTOR", droppedAt: null } } },
    include: { course: true },
    orderBy: [{ startsAt: "desc" }],
  });
  return (
    <section>
      <h1>{t("linkTitle")}</h1>
      <p>{t("linkLead", { context: context?.title ?? "?", platform: context?.platform.name ?? "?" })}</p>
      {terms.length === 0 ? (
        <p className="error">{t("linkNoCourses")}</p>
      ) : (
        <form method="post" action="/lti/link/confirm">
          <input type="hidden" name="ticket" value={raw} />
          <fieldset>
            <legend>{t("linkChoose")}</legend>
            {terms.map((term, i) => (
              <label key={term.id} style={{ display: "block" }}>
                <input type="radio" name="course" value={`${term.course.slug}/${term.slug}`} defaultChecked={i === 0} /> {term.course.title} · {term.title}{" "}
                <span className="muted">
                  ({term.course.slug}/{term.slug})
                </span>
              </label>
            ))}
          </fieldset>
          <p>
            <button type="submit">{t("linkSubmit")}</button>
          </p>
        </form>
      )}
    </section>
  );
}
