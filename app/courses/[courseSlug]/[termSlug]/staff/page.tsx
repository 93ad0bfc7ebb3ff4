import Link from "next/link";
import { STAFF, requireTermRole } from "@/lib/access";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/action-form";
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
  let ungraded = 0;
  for (const c of counts.values()) ungraded += c.total - c.graded;
  return (
    <section>
      <p className="crumbs">
        <Link href="/courses">My courses</Link> / <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> /
      </p>
      <h1>Staff overview</h1>
      <p className="muted">
        {students} {students === 1 ? "student" : "students"} · you are <span className={`badge role-${role}`}>{role.toLowerCase()}</span>
      </p>
      <div className="cards">
        <div className="card">
          <h3>
            <Link href={`${base}/gradebook`}>Gradebook</Link>
          </h3>
          <p className="muted">Totals per student and assignment, per-question detail, overrides.</p>
          <p className="row-actions">
            <a className="button secondary" href={`/api/courses/${course.slug}/${term.slug}/staff/export?format=canvas`} download>
              Canvas CSV
            </a>
            <a className="button secondary" href={`/api/courses/${course.slug}/${term.slug}/staff/export?format=long`} download>
              Long CSV
            </a>
          </p>
        </div>
        <div className="card">
          <h3>
            <Link href={`${base}/grading`}>Proof grading</Link>
          </h3>
          <p className="muted">{ungraded === 0 ? "No proofs wait for a grader." : `${ungraded} proof${ungraded === 1 ? "" : "s"} to grade.`}</p>
        </div>
        <div className="card">
          <h3>Failed gradings</h3>
          <p className="muted">
            {failed === 0
              ? "None: every submission was graded or is in the queue."
              : `${failed} submission${failed === 1 ? "" : "s"} could not be graded on our side (not the students' code). They count as no attempt.`}
          </p>
          {failed > 0 && <RetryFailedButton course={`${course.slug}/${term.slug}`} count={failed} />}
        </div>
        <div className="card">
          <h3>
            <Link href={`${base}/extensions`}>Extensions</Link>
          </h3>
          <p className="muted">New due dates per student and assignment.</p>
        </div>
        <div className="card">
          <h3>
            <Link href={`${base}/roster`}>Roster</Link>
          </h3>
          <p className="muted">Add people from a CSV file, invite them, drop, change roles and sections, unlock sign-in.</p>
        </div>
        <div className="card">
          <h3>
            <Link href={`${base}/analytics`}>Analytics</Link>
          </h3>
          <p className="muted">Score histograms, failing tests, submissions around the deadline.</p>
        </div>
        <div className="card">
          <h3>
            <Link href={`${base}/similarity`}>Similarity</Link>
          </h3>
          <p className="muted">Pairs of similar final code submissions to review.</p>
        </div>
      </div>
      <h2>Assignments</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Assignment</th>
            <th scope="col">Due</th>
            <th scope="col">Questions</th>
            <th scope="col">Tools</th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((a) => (
            <tr key={a.id}>
              <td>
                {a.title}
                <div className="muted small">
                  {a.slug} · policy {a.policy.toLowerCase()}
                  {a.latePenalty ? ` · late −${Math.round(a.latePenalty * 100)}%` : ""}
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
                        {q.type.toLowerCase().replace("_", " ")} · {q.points} {q.points === 1 ? "pt" : "pts"}
                      </span>
                      {c && (
                        <>
                          {" "}
                          <span className={`badge ${c.graded < c.total ? "warn" : "ok"}`}>
                            {c.graded}/{c.total} graded
                          </span>
                        </>
                      )}
                    </div>
                  );
                })}
              </td>
              <td>
                <div>
                  <Link href={`${base}/assignments/${a.slug}`}>Preview &amp; check</Link>
                </div>
                <div>
                  <Link href={`${base}/analytics?assignment=${a.slug}`}>Analytics</Link>
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
