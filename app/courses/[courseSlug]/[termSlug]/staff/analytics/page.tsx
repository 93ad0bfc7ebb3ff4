import { StaffCrumbs } from "@/components/staff/staff-crumbs";
import { getTranslations } from "next-intl/server";
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
  const [t, tc] = await Promise.all([getTranslations("staff.analytics"), getTranslations("staff.common")]);
  if (!a) return <p className="notice">{t("none")}</p>;
  const [hist, failures, timeline] = await Promise.all([scoreHistogram(db, term.id, a.slug), testFailureRates(db, a), submissionTimeline(db, a)]);
  const top = failures.slice(0, 20);
  return (
    <section>
      <StaffCrumbs course={course} term={term} staffLabel={tc("staff")} />
      <h1>{t("title")}</h1>
      <form className="toolbar-row" method="get">
        <label>
          {t("assignment")}
          <select name="assignment" defaultValue={a.slug}>
            {assignments.map((x) => (
              <option key={x.id} value={x.slug}>
                {x.title}
              </option>
            ))}
          </select>
        </label>
        <button className="secondary" type="submit">
          {t("show")}
        </button>
      </form>
      <div className="chart-grid">
        <div>
          <BarChart
            title={t("scoresOf", { title: a.title })}
            labels={hist.labels}
            series={[{ label: t("students"), data: hist.counts, color: "#1f5fbf" }]}
            yLabel={t("students")}
          />
          <p className="muted small">{t("scoreNote", { submitted: hist.submitted, students: hist.students })}</p>
        </div>
        <div>
          <BarChart
            title={t("aroundDue")}
            labels={timeline.labels.map((l) => (l === "due" ? t("dueLabel") : l))}
            series={[
              { label: t("onTime"), data: timeline.onTime, color: "#2f8f5b" },
              { label: t("late"), data: timeline.late, color: "#c0392b" },
            ]}
            yLabel={t("perSixHours")}
          />
          <p className="muted small">{t("outside", { before: timeline.before, after: timeline.after })}</p>
        </div>
      </div>
      <h2>{t("failTitle")}</h2>
      {top.length === 0 ? (
        <p className="muted">{t("noGraded")}</p>
      ) : (
        <>
          <BarChart
            title={t("failChart")}
            labels={top.map((f) => `${f.question} · ${f.test}`)}
            series={[{ label: t("failRate"), data: top.map((f) => Math.round(f.rate * 1000) / 10), color: "#b9770e" }]}
            yLabel={t("failing")}
            max={100}
            horizontal
          />
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("colQuestion")}</th>
                <th scope="col">{t("colTest")}</th>
                <th scope="col">{t("colVisibility")}</th>
                <th scope="col" className="num">
                  {t("colFailing")}
                </th>
              </tr>
            </thead>
            <tbody>
              {top.map((f) => (
                <tr key={`${f.question}:${f.test}`}>
                  <td>{f.question}</td>
                  <td>{f.test}</td>
                  <td>{tc(`visibility.${f.visibility}`)}</td>
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
