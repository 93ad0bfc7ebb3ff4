import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { regradeQueue } from "@/lib/grades/regrade-requests";
import { LocalTime } from "@/components/local-time";
import { RegradeAnswer } from "@/components/staff/regrade-answer";
import { RegradeThread } from "@/components/regrade-thread";

// The regrade queue: open requests oldest first (those a TA passed on marked for the instructor),
// each with its thread, links to the tools that change the grade, and the answer form.
export default async function RegradeRequestsPage({ params }: { params: Promise<{ courseSlug: string; termSlug: string }> }) {
  const { courseSlug, termSlug } = await params;
  const { course, term, role } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/staff/regrade-requests`);
  const db = await getDb();
  const [{ open, resolved }, t] = await Promise.all([regradeQueue(db, term.id), getTranslations("regrade")]);
  const base = `/courses/${course.slug}/${term.slug}/staff`;
  const card = (r: (typeof open)[number]) => (
    <article key={r.id} className={`card regrade-request status-${r.status}`} data-testid="regrade-request">
      <h3>
        {r.user.name} · {r.assignment.title} · <code>{r.questionKey}</code>{" "}
        <span className={`badge ${r.status === "ESCALATED" ? "bad" : r.status === "OPEN" ? "warn" : "ok"}`}>{t(`status.${r.status}`)}</span>
      </h3>
      <p className="muted small">
        {r.user.email} · <LocalTime iso={r.createdAt.toISOString()} />
        {r.target && (
          <>
            {" "}
            · {t("target")}: <strong>{r.target}</strong>
          </>
        )}
      </p>
      <RegradeThread messages={r.messages.map((m) => ({ key: m.id, author: m.author?.name ?? "—", at: m.createdAt.toISOString(), text: m.text }))} />
      {r.outcome && (
        <p>
          <strong>{t("outcome")}:</strong> {r.outcome}
        </p>
      )}
      <p className="small">
        {r.submission.question.type === "PROOF" ? (
          <Link href={`${base}/grading/${r.assignment.slug}/${r.questionKey}/${r.submissionId}`}>{t("openGrading")}</Link>
        ) : (
          <Link href={`${base}/assignments/${r.assignment.slug}`}>{t("openRegrade")}</Link>
        )}
        {" · "}
        <Link href={`${base}/gradebook/${r.userId}`}>{t("openOverride")}</Link>
      </p>
      <RegradeAnswer
        course={`${course.slug}/${term.slug}`}
        requestId={r.id}
        resolved={r.status === "RESOLVED"}
        canEscalate={role === "TA" && r.status === "OPEN"}
      />
    </article>
  );
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> / <Link href={base}>{t("staff")}</Link> /
      </p>
      <h1>{t("queueTitle")}</h1>
      <p className="muted">{t("queueIntro")}</p>
      <h2>{t("openTitle", { count: open.length })}</h2>
      {open.length === 0 ? <p className="notice">{t("noneOpen")}</p> : open.map(card)}
      {resolved.length > 0 && (
        <>
          <h2>{t("resolvedTitle")}</h2>
          {resolved.map(card)}
        </>
      )}
    </section>
  );
}
