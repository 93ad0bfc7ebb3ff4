import Link from "next/link";
import { StaffCrumbs } from "@/components/staff/staff-crumbs";
import { getTranslations } from "next-intl/server";
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
  const [t, tc] = await Promise.all([getTranslations("staff.gradebook"), getTranslations("staff.common")]);
  const exportUrl = (format: string) =>
    `/api/courses/${course.slug}/${term.slug}/staff/export?format=${format}${section ? `&section=${encodeURIComponent(section)}` : ""}`;
  return (
    <section>
      <StaffCrumbs course={course} term={term} staffLabel={tc("staff")} />
      <h1>{t("title")}</h1>
      <form className="toolbar-row" method="get">
        <label>
          {t("section")}
          <select name="section" defaultValue={section ?? ""}>
            <option value="">{t("allSections")}</option>
            {book.sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-check">
          <input type="checkbox" name="dropped" value="1" defaultChecked={showDropped} /> {t("showDropped")}
        </label>
        <button className="secondary" type="submit">
          {t("filter")}
        </button>
        <span className="spacer" />
        <a className="button secondary" href={exportUrl("canvas")} download>
          {t("downloadCanvas")}
        </a>
        <a className="button secondary" href={exportUrl("long")} download>
          {t("downloadLong")}
        </a>
        <a className="button secondary" href={`${exportUrl("long")}&unreleased=include`} download title={t("downloadUnreleasedTitle")}>
          {t("downloadUnreleased")}
        </a>
      </form>
      {book.rows.length === 0 ? (
        <p className="notice">
          {t.rich(section ? "noStudentsInSection" : "noStudents", { section: section ?? "", link: (chunks) => <Link href={`${base}/roster`}>{chunks}</Link> })}
        </p>
      ) : (
        <div className="wide">
          <table className="data gradebook">
            <thead>
              <tr>
                <th scope="col">{t("colStudent")}</th>
                <th scope="col">{t("colSection")}</th>
                {book.assignments.map((a) => (
                  <th key={a.id} scope="col" className="num" title={a.title}>
                    {a.slug}
                    <div className="muted small">
                      / {pts(a.points)} · {tc(`policies.${a.policy}`)}
                    </div>
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("colTotal")}
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
                            <span className="badge bad" title={t("lateTitle")}>
                              {t("late")}
                            </span>
                          </>
                        )}
                        {res.extensionDueAt && (
                          <>
                            {" "}
                            <span className="badge ok" title={t("extTitle", { date: res.extensionDueAt.toISOString() })}>
                              {t("ext")}
                            </span>
                          </>
                        )}
                        {pending && (
                          <>
                            {" "}
                            <span className="badge warn" title={t("pendingTitle")}>
                              {t("pending")}
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
                            <span className="badge role-INSTRUCTOR" title={t("overrideTitle")}>
                              {t("override")}
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
        <summary>{t("howTitle")}</summary>
        <ul>
          <li>{t.rich("how1", { em: (chunks) => <em>{chunks}</em> })}</li>
          <li>{t("how2")}</li>
          <li>{t("how3")}</li>
          <li>{t("how4")}</li>
          <li>{t("how5")}</li>
          <li>{t.rich("how6", { em: (chunks) => <em>{chunks}</em> })}</li>
        </ul>
      </details>
    </section>
  );
}
