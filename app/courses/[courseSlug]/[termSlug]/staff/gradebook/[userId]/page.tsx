import Link from "next/link";
import { notFound } from "next/navigation";
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
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> / <Link href={base}>Staff</Link> /{" "}
        <Link href={`${base}/gradebook`}>Gradebook</Link> /
      </p>
      <h1>{row.student.name}</h1>
      <p className="muted">
        {row.student.email} · student id {row.student.studentId ?? "—"} · section {row.student.section ?? "—"} · total {pts(row.total)} / {pts(row.max)}
      </p>
      {book.assignments.map((a) => {
        const res = row.results.get(a.id)!;
        return (
          <div key={a.id}>
            <h2>
              {a.title}{" "}
              <span className="muted small">
                {res.total === null ? "no submission" : `${pts(res.total)} / ${pts(a.points)}`} · policy {a.policy.toLowerCase()}
                {res.extensionDueAt ? " · extension" : ""}
              </span>
            </h2>
            {res.extensionDueAt && (
              <p className="small">
                Extension: due <LocalTime iso={res.extensionDueAt.toISOString()} />
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
                    <th scope="col">Question</th>
                    <th scope="col" className="num">
                      Score
                    </th>
                    <th scope="col">Counted submission</th>
                    <th scope="col">Override</th>
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
                            {q.key} · {q.type.toLowerCase().replace("_", " ")} · {c.attempts} attempt{c.attempts === 1 ? "" : "s"} used
                          </div>
                        </td>
                        <td className="num">
                          <strong>{pts(c.score)}</strong> / {pts(q.points)}
                          {c.attempt && c.attempt.credit < 1 && (
                            <div className="small muted">
                              attempt {c.attempt.number}: {Math.round(c.attempt.credit * 100)}% credit
                            </div>
                          )}
                          {c.late && (
                            <div className="small bad-text">
                              late: −{pts(c.penaltyPoints)} of {pts(c.rawScore)}
                            </div>
                          )}
                          {c.pending && (
                            <div>
                              <span className="badge warn">newer one pending</span>
                            </div>
                          )}
                        </td>
                        <td className="small">
                          {c.submittedAt ? (
                            <>
                              submitted <LocalTime iso={c.submittedAt.toISOString()} />
                              {c.gradedAt && !c.override && (
                                <>
                                  <br />
                                  graded <LocalTime iso={c.gradedAt.toISOString()} />
                                  {c.grader && <> by {c.grader}</>}
                                </>
                              )}
                              <br />
                              version {c.versionNumber}
                              {q.type === "PROOF" && c.submissionId && (
                                <>
                                  <br />
                                  <Link href={`${base}/grading/${a.slug}/${q.key}/${c.submissionId}`}>open in grading</Link>
                                </>
                              )}
                            </>
                          ) : (
                            <span className="muted">none</span>
                          )}
                        </td>
                        <td>
                          {c.override && (
                            <p className="small">
                              <span className="badge role-INSTRUCTOR">override {pts(c.override.score)}</span> by {c.override.by ?? "unknown"}: “
                              {c.override.reason}”
                              <br />
                              computed score: {pts(c.override.computed)}
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
      <h2>Audit log</h2>
      {audit.length === 0 ? (
        <p className="muted">No overrides for this student.</p>
      ) : (
        <ul>
          {audit.map((e) => {
            const d = e.data as { assignment?: string; question?: string; score?: number | null; reason?: string };
            return (
              <li key={e.id} className="small">
                <LocalTime iso={e.createdAt.toISOString()} /> — {e.actor?.email ?? "someone"}{" "}
                {e.action === "grade.override" ? `set ${d.assignment}/${d.question} to ${d.score}` : `removed the override of ${d.assignment}/${d.question}`}: “
                {d.reason}”
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
