import Link from "next/link";
import { z } from "zod";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { computeGradebook } from "@/lib/grades/gradebook";
import { pts } from "@/lib/grades/format";

const query = z.object({ section: z.string().max(64).optional(), dropped: z.literal("1").optional() });

export default async function GradebookPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseSlug: string; termSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseSlug, termSlug } = await params;
  const { course, term } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/staff/gradebook`);
  const q = query.safeParse(await searchParams);
  const section = q.success && q.data.section ? q.data.section : undefined;
  const showDropped = q.success && q.data.dropped === "1";
  const book = await computeGradebook(await getDb(), term.id, { section, includeDropped: showDropped });
  const base = `/courses/${course.slug}/${term.slug}/staff`;
  const exportUrl = (format: string) =>
    `/api/courses/${course.slug}/${term.slug}/staff/export?format=${format}${section ? `&section=${encodeURIComponent(section)}` : ""}`;
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> / <Link href={base}>Staff</Link> /
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
        </ul>
      </details>
    </section>
  );
}
