import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/action-form";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { proofCounts, staffAssignments } from "@/lib/assignments/course-data";
import { failedJobCount } from "@/lib/queue/failed-jobs";
import { RetryFailedButton } from "@/components/staff/retry-failed-button";
import { LocalTime } from "@/components/local-time";

export default async function StaffHome({ params }: { params: Promise<{ courseSlug: string; termSlug: string }> }) {
  const { courseSlug, termSlug } = await params;
  const { course, term, role } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/staff`);
  const db = await getDb();
  const [assignments, counts, students, failed] = await Promise.all([
    staffAssignments(db, term.id),
    proofCounts(db, term.id),
    db.enrollment.count({ where: { termId: term.id, role: "STUDENT" } }),
    failedJobCount(db, term.id),
  ]);
  const base = `/courses/${course.slug}/${term.slug}/staff`;
  const [t, tc, tnav, tn, tcourse] = await Promise.all([
    getTranslations("staff.overview"),
    getTranslations("staff.common"),
    getTranslations("staff.nav"),
    getTranslations("nav"),
    getTranslations("course"),
  ]);
  let ungraded = 0;
  for (const c of counts.values()) ungraded += c.total - c.graded;
  return (
    <section>
      <p className="crumbs">
        <Link href="/courses">{tn("myCourses")}</Link> / <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> /
      </p>
      <h1>{t("title")}</h1>
      <p className="muted">
        {t("students", { count: students })} · {t("youAre")} <span className={`badge role-${role}`}>{tcourse(`role.${role}`)}</span>
      </p>
      <div className="cards">
        <div className="card">
          <h3>
            <Link href={`${base}/gradebook`}>{tnav("gradebook")}</Link>
          </h3>
          <p className="muted">{t("gradebookHint")}</p>
          <p className="row-actions">
            <a className="button secondary" href={`/api/courses/${course.slug}/${term.slug}/staff/export?format=canvas`} download>
              {t("canvasCsv")}
            </a>
            <a className="button secondary" href={`/api/courses/${course.slug}/${term.slug}/staff/export?format=long`} download>
              {t("longCsv")}
            </a>
          </p>
        </div>
        <div className="card">
          <h3>
            <Link href={`${base}/grading`}>{tnav("grading")}</Link>
          </h3>
          <p className="muted">{ungraded === 0 ? t("noProofs") : t("proofsToGrade", { count: ungraded })}</p>
        </div>
        <div className="card">
          <h3>{t("failedTitle")}</h3>
          <p className="muted">{failed === 0 ? t("failedNone") : t("failedSome", { count: failed })}</p>
          {failed > 0 && <RetryFailedButton course={`${course.slug}/${term.slug}`} count={failed} />}
        </div>
        <div className="card">
          <h3>
            <Link href={`${base}/extensions`}>{tnav("extensions")}</Link>
          </h3>
          <p className="muted">{t("extensionsHint")}</p>
        </div>
        <div className="card">
          <h3>
            <Link href={`${base}/roster`}>{tnav("roster")}</Link>
          </h3>
          <p className="muted">{t("rosterHint")}</p>
        </div>
        <div className="card">
          <h3>
            <Link href={`${base}/analytics`}>{tnav("analytics")}</Link>
          </h3>
          <p className="muted">{t("analyticsHint")}</p>
        </div>
        <div className="card">
          <h3>
            <Link href={`${base}/similarity`}>{tnav("similarity")}</Link>
          </h3>
          <p className="muted">{t("similarityHint")}</p>
        </div>
      </div>
      <h2>{t("assignments")}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("colAssignment")}</th>
            <th scope="col">{t("colDue")}</th>
            <th scope="col">{t("colQuestions")}</th>
            <th scope="col">{t("colTools")}</th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((a) => (
            <tr key={a.id}>
              <td>
                {a.title}
                <div className="muted small">
                  {a.slug} · {tc("policy", { policy: tc(`policies.${a.policy}`) })}
                  {a.latePenalty ? ` · ${t("late", { penalty: Math.round(a.latePenalty * 100) })}` : ""}
                </div>
              </td>
              <td>
                <LocalTime iso={a.dueAt.toISOString()} />
              </td>
              <td>
                {a.currentVersion?.questions.map((q) => {
                  const c = counts.get(`${a.id}:${q.key}`);
                  return (
                    <div key={q.id}>
                      {q.type === "PROOF" ? <Link href={`${base}/grading/${a.slug}/${q.key}`}>{q.title}</Link> : q.title}{" "}
                      <span className="badge">
                        {tc(`types.${q.type}`)} · {tc("pts", { points: q.points })}
                      </span>
                      {c && (
                        <>
                          {" "}
                          <span className={`badge ${c.graded < c.total ? "warn" : "ok"}`}>{t("graded", { graded: c.graded, total: c.total })}</span>
                        </>
                      )}
                    </div>
                  );
                })}
              </td>
              <td>
                <div>
                  <Link href={`${base}/assignments/${a.slug}`}>{t("preview")}</Link>
                </div>
                <div>
                  <Link href={`${base}/analytics?assignment=${a.slug}`}>{t("analytics")}</Link>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {role === "INSTRUCTOR" && <CopyTermForm course={course.slug} term={term.slug} />}
    </section>
  );
}

// The next term starts as a copy of this one (lib/courses/terms.ts); instructors and admins only.
async function CopyTermForm({ course, term }: { course: string; term: string }) {
  const t = await getTranslations("terms");
  return (
    <ActionForm
      url={`/api/courses/${course}/${term}/staff/term-copy`}
      heading={t("copyThis")}
      intro={t("copyThisIntro")}
      submit={t("copy")}
      fields={[
        { name: "to", label: t("to"), required: true },
        { name: "shiftDays", label: t("shiftDays"), type: "number", required: true, defaultValue: "182" },
      ]}
    />
  );
}
