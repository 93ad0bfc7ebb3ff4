import Link from "next/link";
import { z } from "zod";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { staffAssignments } from "@/lib/assignments/course-data";
import { scoreHistogram, submissionTimeline, testFailureRates } from "@/lib/grades/analytics";
import { BarChart } from "@/components/staff/charts";

const query = z.object({ assignment: z.string().max(64).optional() });

export default async function AnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseSlug: string; termSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseSlug, termSlug } = await params;
  const { course, term } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/staff/analytics`);
  const db = await getDb();
  const assignments = await staffAssignments(db, term.id);
  const q = query.safeParse(await searchParams);
  const a = assignments.find((x) => x.slug === (q.success ? q.data.assignment : undefined)) ?? assignments[0];
  const base = `/courses/${course.slug}/${term.slug}/staff`;
  if (!a) return <p className="notice">No assignments yet.</p>;
  const [hist, failures, timeline] = await Promise.all([scoreHistogram(db, term.id, a.slug), testFailureRates(db, a), submissionTimeline(db, a)]);
  const top = failures.slice(0, 20);
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> / <Link href={base}>Staff</Link> /
      </p>
      <h1>Analytics</h1>
      <form className="toolbar-row" method="get">
        <label>
          Assignment
          <select name="assignment" defaultValue={a.slug}>
            {assignments.map((x) => (
              <option key={x.id} value={x.slug}>
                {x.title}
              </option>
            ))}
          </select>
        </label>
        <button className="secondary" type="submit">
          Show
        </button>
      </form>
      <div className="chart-grid">
        <div>
          <BarChart
            title={`Scores of ${a.title}`}
            labels={hist.labels}
            series={[{ label: "students", data: hist.counts, color: "#1f5fbf" }]}
            yLabel="students"
          />
          <p className="muted small">
            {hist.submitted} of {hist.students} {hist.students === 1 ? "student has" : "students have"} a score (totals as in the gradebook, after penalties and
            overrides).
          </p>
        </div>
        <div>
          <BarChart
            title="Submissions around the due date"
            labels={timeline.labels}
            series={[
              { label: "on time", data: timeline.onTime, color: "#2f8f5b" },
              { label: "late", data: timeline.late, color: "#c0392b" },
            ]}
            yLabel="submissions per 6 hours"
          />
          <p className="muted small">
            {timeline.before} earlier and {timeline.after} later submissions are outside the chart.
          </p>
        </div>
      </div>
      <h2>Which tests fail most</h2>
      {top.length === 0 ? (
        <p className="muted">No graded code submissions yet.</p>
      ) : (
        <>
          <BarChart
            title="Failure rate per test (students' final code submissions)"
            labels={top.map((f) => `${f.question} · ${f.test}`)}
            series={[{ label: "failure rate (%)", data: top.map((f) => Math.round(f.rate * 1000) / 10), color: "#b9770e" }]}
            yLabel="% of students failing"
            max={100}
            horizontal
          />
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Test</th>
                <th scope="col">Visibility</th>
                <th scope="col" className="num">
                  Failing
                </th>
              </tr>
            </thead>
            <tbody>
              {top.map((f) => (
                <tr key={`${f.question}:${f.test}`}>
                  <td>{f.question}</td>
                  <td>{f.test}</td>
                  <td>{f.visibility}</td>
                  <td className="num">
                    {f.failed} / {f.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
