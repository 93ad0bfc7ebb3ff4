import Link from "next/link";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { contextsOfTerm } from "@/lib/lti/context-link";
import { scoreLog } from "@/lib/lti/scores";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import { RetryScoreButton, RosterSync } from "@/components/lti/roster-sync";

// Staff: the LMS courses linked to this course term, their roster pull, and every score sent (or not).
export default async function StaffLtiPage({ params }: { params: Promise<{ courseSlug: string; termSlug: string }> }) {
  const { courseSlug, termSlug } = await params;
  const { course, term } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/staff/lti`);
  const t = await getTranslations("lti");
  const db = await getDb();
  const [contexts, scores, lineItems] = await Promise.all([
    contextsOfTerm(db, term.id),
    scoreLog(db, term.id),
    db.ltiLineItem.findMany({ where: { assignment: { termId: term.id } }, include: { assignment: { select: { title: true, slug: true } } } }),
  ]);
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> /{" "}
        <Link href={`/courses/${course.slug}/${term.slug}/staff`}>{t("staffCrumb")}</Link> /
      </p>
      <h1>{t("staffTitle")}</h1>
      <p className="muted">{t("staffLead")}</p>
      {contexts.length === 0 ? (
        <p className="muted">{t("staffNone")}</p>
      ) : (
        contexts.map((c) => (
          <div className="card" key={c.id}>
            <h3>
              {c.title} <span className="muted small">({c.platform.name})</span>
            </h3>
            <RosterSync course={`${course.slug}/${term.slug}`} context={c.id} />
          </div>
        ))
      )}
      <h2>{t("lineItemsTitle")}</h2>
      {lineItems.length === 0 ? (
        <p className="muted">{t("lineItemsNone")}</p>
      ) : (
        <ul>
          {lineItems.map((l) => (
            <li key={l.id}>
              {l.assignment.title} — {l.lineItemUrl ? <code>{l.lineItemUrl}</code> : <span className="muted">{t("lineItemPending")}</span>}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("scoresTitle")}</h2>
      {scores.length === 0 ? (
        <p className="muted">{t("scoresNone")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t("scoreStudent")}</th>
              <th>{t("scoreAssignment")}</th>
              <th>{t("scoreValue")}</th>
              <th>{t("scoreRevision")}</th>
              <th>{t("scoreStatus")}</th>
              <th>{t("scoreSentAt")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {scores.map((s) => (
              <tr key={s.id} className={s.status === "FAILED" ? "error" : undefined}>
                <td>{s.user.name}</td>
                <td>{s.lineItem.assignment.title}</td>
                <td>
                  {s.scoreGiven} / {s.scoreMaximum}
                </td>
                <td>{s.revision}</td>
                <td>
                  {t(`scoreState.${s.status}`)}
                  {s.lastError && <div className="small">{t("scoreError", { attempts: s.attempts, error: s.lastError })}</div>}
                </td>
                <td>{s.sentAt ? <LocalTime iso={s.sentAt.toISOString()} /> : "—"}</td>
                <td>{s.status === "FAILED" && <RetryScoreButton course={`${course.slug}/${term.slug}`} scoreId={s.id} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
