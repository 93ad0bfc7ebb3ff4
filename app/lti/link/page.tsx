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
  const courses = await db.course.findMany({
    where: { enrollments: { some: { userId: user.id, role: "INSTRUCTOR", droppedAt: null } } },
    orderBy: { title: "asc" },
  });
  return (
    <section>
      <h1>{t("linkTitle")}</h1>
      <p>{t("linkLead", { context: context?.title ?? "?", platform: context?.platform.name ?? "?" })}</p>
      {courses.length === 0 ? (
        <p className="error">{t("linkNoCourses")}</p>
      ) : (
        <form method="post" action="/lti/link/confirm">
          <input type="hidden" name="ticket" value={raw} />
          <fieldset>
            <legend>{t("linkChoose")}</legend>
            {courses.map((c, i) => (
              <label key={c.id} style={{ display: "block" }}>
                <input type="radio" name="course" value={c.slug} defaultChecked={i === 0} /> {c.title} <span className="muted">({c.slug})</span>
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
