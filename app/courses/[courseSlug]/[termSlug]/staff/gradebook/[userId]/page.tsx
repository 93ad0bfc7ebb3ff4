import Link from "next/link";
import { StaffCrumbs } from "@/components/staff/staff-crumbs";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { computeGradebook } from "@/lib/grades/gradebook";
import { gradeAuditOf } from "@/lib/grades/overrides";
import { pts } from "@/lib/grades/format";
import { LocalTime } from "@/components/local-time";
import { OverrideForm } from "@/components/staff/override-form";

export default async function StudentGradesPage({ params }: { params: Promise<{ courseSlug: string; termSlug: string; userId: string }> }) {
  const { courseSlug, termSlug, userId } = await params;
  const { course, term } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/staff/gradebook/${userId}`);
  const db = await getDb();
  const book = await computeGradebook(db, term.id, { userIds: [userId] });
  const row = book.rows[0];
  if (!row) notFound();
  const audit = await gradeAuditOf(db, term.id, userId);
  const base = `/courses/${course.slug}/${term.slug}/staff`;
  const [t, tc, tnav] = await Promise.all([getTranslations("staff.student"), getTranslations("staff.common"), getTranslations("staff.nav")]);
  return (
    <section>
      <StaffCrumbs course={course} term={term} staffLabel={tc("staff")} trail={{ href: `${base}/gradebook`, label: tnav("gradebook") }} />
      <h1>{row.student.name}</h1>
      <p className="muted">
        {t("summary", {
          email: row.student.email,
          studentId: row.student.studentId ?? "—",
          section: row.student.section ?? "—",
          total: pts(row.total),
          max: pts(row.max),
        })}
      </p>
      {book.assignments.map((a) => {
        const res = row.results.get(a.id)!;
        return (
          <div key={a.id}>
            <h2>
              {a.title}{" "}
              <span className="muted small">
                {res.total === null ? t("noSubmission") : `${pts(res.total)} / ${pts(a.points)}`} · {tc("policy", { policy: tc(`policies.${a.policy}`) })}
                {res.extensionDueAt ? ` · ${t("extension")}` : ""}
              </span>
            </h2>
            {res.extensionDueAt && (
              <p className="small">
                {t("extensionDue")} <LocalTime iso={res.extensionDueAt.toISOString()} />
              </p>
            )}
            <div className="wide">
              <table className="data fixed">
                <colgroup>
                  <col style={{ width: "36%" }} />
                  <col style={{ width: "12%" }} />
                  <col style={{ width: "30%" }} />
                  <col style={{ width: "22%" }} />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">{t("colQuestion")}</th>
                    <th scope="col" className="num">
                      {t("colScore")}
                    </th>
                    <th scope="col">{t("colCounted")}</th>
                    <th scope="col">{t("colOverride")}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.questions.map((q) => {
                    const c = res.cells.find((x) => x.questionKey === q.key)!;
                    return (
                      <tr key={q.key}>
                        <td>
                          {q.title}
                          <div className="muted small">
                            {q.key} · {tc(`types.${q.type}`)} · {t("attemptsUsed", { count: c.attempts })}
                          </div>
                        </td>
                        <td className="num">
                          <strong>{pts(c.score)}</strong> / {pts(q.points)}
                          {c.attempt && c.attempt.credit < 1 && (
                            <div className="small muted">{t("credit", { number: c.attempt.number, pct: Math.round(c.attempt.credit * 100) })}</div>
                          )}
                          {c.late && <div className="small bad-text">{t("late", { penalty: pts(c.penaltyPoints), raw: pts(c.rawScore) })}</div>}
                          {c.pending && (
                            <div>
                              <span className="badge warn">{t("newerPending")}</span>
                            </div>
                          )}
                        </td>
                        <td className="small">
                          {c.submittedAt ? (
                            <>
                              {t("submitted")} <LocalTime iso={c.submittedAt.toISOString()} />
                              {c.gradedAt && !c.override && (
                                <>
                                  <br />
                                  {t("graded")} <LocalTime iso={c.gradedAt.toISOString()} />
                                  {c.grader && <> {t("by", { name: c.grader })}</>}
                                </>
                              )}
                              <br />
                              {t("version", { number: c.versionNumber ?? "—" })}
                              {q.type === "PROOF" && c.submissionId && (
                                <>
                                  <br />
                                  <Link href={`${base}/grading/${a.slug}/${q.key}/${c.submissionId}`}>{t("openInGrading")}</Link>
                                </>
                              )}
                            </>
                          ) : (
                            <span className="muted">{t("none")}</span>
                          )}
                        </td>
                        <td>
                          {c.override && (
                            <p className="small">
                              <span className="badge role-INSTRUCTOR">{t("overrideBadge", { score: pts(c.override.score) })}</span>{" "}
                              {t("by", { name: c.override.by ?? t("unknown") })}: “{c.override.reason}”
                              <br />
                              {t("computed", { score: pts(c.override.computed) })}
                            </p>
                          )}
                          <OverrideForm
                            course={`${course.slug}/${term.slug}`}
                            assignment={a.slug}
                            question={q.key}
                            userId={userId}
                            max={q.points}
                            hasOverride={Boolean(c.override)}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
      <h2>{t("audit")}</h2>
      {audit.length === 0 ? (
        <p className="muted">{t("noAudit")}</p>
      ) : (
        <ul>
          {audit.map((e) => {
            const d = e.data as { assignment?: string; question?: string; score?: number | null; reason?: string };
            return (
              <li key={e.id} className="small">
                <LocalTime iso={e.createdAt.toISOString()} /> — {e.actor?.email ?? t("someone")}{" "}
                {e.action === "grade.override"
                  ? t("auditSet", { target: `${d.assignment}/${d.question}`, score: String(d.score) })
                  : t("auditRemoved", { target: `${d.assignment}/${d.question}` })}
                : “{d.reason}”
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
