import Link from "next/link";
import { z } from "zod";
import { STAFF, requireCourseRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { computeGradebook } from "@/lib/grades/gradebook";
import { pts } from "@/lib/grades/format";

const query = z.object({ section: z.string().max(64).optional(), dropped: z.literal("1").optional() });

export default async function GradebookPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseSlug } = await params;
  const { course } = await requireCourseRole(courseSlug, STAFF, `/courses/${courseSlug}/staff/gradebook`);
  const q = query.safeParse(await searchParams);
  const section = q.success && q.data.section ? q.data.section : undefined;
  const showDropped = q.success && q.data.dropped === "1";
  const book = await computeGradebook(await getDb(), course.id, { section, includeDropped: showDropped });
  const base = `/courses/${course.slug}/staff`;
  const exportUrl = (format: string) => `/api/courses/${course.slug}/staff/export?format=${format}${section ? `&section=${encodeURIComponent(section)}` : ""}`;
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}`}>{course.title}</Link> / <Link href={base}>Staff</Link> /
      </p>
      <h1>Gradebook</h1>
      <form className="toolbar-row" method="get">
        <label>
          Section
          <select name="section" defaultValue={section ?? ""}>
            <option value="">All sections</option>
            {book.sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-check">
          <input type="checkbox" name="dropped" value="1" defaultChecked={showDropped} /> Show dropped
        </label>
        <button className="secondary" type="submit">
          Filter
        </button>
        <span className="spacer" />
        <a className="button secondary" href={exportUrl("canvas")} download>
          Download Canvas CSV
        </a>
        <a className="button secondary" href={exportUrl("long")} download>
          Download long CSV
        </a>
        <a className="button secondary" href={`${exportUrl("long")}&unreleased=include`} download title="also scores students cannot see yet">
          Long CSV with unreleased
        </a>
      </form>
      {book.rows.length === 0 ? (
        <p className="notice">
          No students{section ? ` in section ${section}` : ""} yet. Add them with the <Link href={`${base}/roster`}>roster import</Link>.
        </p>
      ) : (
        <div className="wide">
          <table className="data gradebook">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Section</th>
                {book.assignments.map((a) => (
                  <th key={a.id} scope="col" className="num" title={a.title}>
                    {a.slug}
                    <div className="muted small">
                      / {pts(a.points)} · {a.policy.toLowerCase()}
                    </div>
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {book.rows.map((r) => (
                <tr key={r.student.userId}>
                  <td>
                    <Link href={`${base}/gradebook/${r.student.userId}`}>{r.student.name}</Link>
                    <div className="muted small">{r.student.email}</div>
                  </td>
                  <td>{r.student.section ?? "—"}</td>
                  {book.assignments.map((a) => {
                    const res = r.results.get(a.id)!;
                    const late = res.cells.some((c) => c.late);
                    const pending = res.cells.some((c) => c.pending);
                    const overridden = res.cells.some((c) => c.override);
                    const held = res.cells.some((c) => !c.released && c.score !== null);
                    const lateDays = res.lateDaysSpent;
                    return (
                      <td key={a.id} className={`num${res.total === null ? " empty" : ""}`}>
                        {res.total === null ? "—" : pts(res.total)}
                        {late && (
                          <>
                            {" "}
                            <span className="badge bad" title="late penalty applied">
                              late
                            </span>
                          </>
                        )}
                        {res.extensionDueAt && (
                          <>
                            {" "}
                            <span className="badge ok" title={`extension to ${res.extensionDueAt.toISOString()}`}>
                              ext
                            </span>
                          </>
                        )}
                        {pending && (
                          <>
                            {" "}
                            <span className="badge warn" title="a submission waits for grading">
                              pending
                            </span>
                          </>
                        )}
                        {held && (
                          <>
                            {" "}
                            <span className="badge warn" title="students do not see this score until you publish (staff → assignment → Grade release)">
                              not released
                            </span>
                          </>
                        )}
                        {lateDays > 0 && (
                          <>
                            {" "}
                            <span className="badge ok" title={`${lateDays} late day(s) spent`}>
                              {lateDays} LD
                            </span>
                          </>
                        )}
                        {overridden && (
                          <>
                            {" "}
                            <span className="badge role-INSTRUCTOR" title="a score was overridden">
                              override
                            </span>
                          </>
                        )}
                      </td>
                    );
                  })}
                  <td className="num">
                    <strong>{pts(r.total)}</strong> <span className="muted">/ {pts(r.max)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="small">
        <summary>How scores are computed</summary>
        <ul>
          <li>
            Only submissions count (Run never does); per question the assignment&apos;s policy picks one: <em>best</em> = the highest score after the late
            penalty, <em>latest</em> = the most recent graded one.
          </li>
          <li>
            A late submission loses the assignment&apos;s late penalty (a fraction of its score), unless an extension covers it — also one granted afterwards.
          </li>
          <li>A regrade replaces the score of the submission it regraded; an override replaces the question&apos;s score and is kept in the audit log.</li>
          <li>An empty cell (—) means no submission: the export leaves it empty too.</li>
          <li>
            Precedence for a submission after the due date: an extension or accommodation (a later due date) first, then the student&apos;s late days (spent
            automatically at submit), then the late penalty.
          </li>
          <li>
            A <em>not released</em> score (gradeRelease: manual, before Publish) is shown here but not to the student, and the exports leave it out unless you
            ask for unreleased scores.
          </li>
        </ul>
      </details>
    </section>
  );
}
