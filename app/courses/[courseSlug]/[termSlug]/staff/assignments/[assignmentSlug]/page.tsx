import Link from "next/link";
import { StaffCrumbs } from "@/components/staff/staff-crumbs";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { STAFF, requireTermRole } from "@/lib/access";
import { ActionForm } from "@/components/admin/action-form";
import { getDb } from "@/lib/db";
import { statementHtml } from "@/lib/assignments/public-view";
import { staffAssignment } from "@/lib/assignments/course-data";
import { previewQuestions, previewStudent } from "@/lib/assignments/preview";
import { regradeVersions } from "@/lib/queue/regrade";
import { LocalTime } from "@/components/local-time";
import { CheckButton } from "@/components/staff/check-button";
import { RegradeButton } from "@/components/staff/regrade-button";
import { ReleasePanel } from "@/components/staff/release-panel";
import { publishHistory } from "@/lib/grades/publish";
import { questionReleaseMode } from "@/lib/grades/release";

const query = z.object({ seed: z.string().trim().max(200).optional() });

export default async function AssignmentPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseSlug: string; termSlug: string; assignmentSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseSlug, termSlug, assignmentSlug } = await params;
  const { course, term, role } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/staff/assignments/${assignmentSlug}`);
  const db = await getDb();
  const a = await staffAssignment(db, term.id, assignmentSlug);
  if (!a) notFound();
  const sp = query.safeParse(await searchParams);
  const seed = (sp.success && sp.data.seed) || "preview";
  const [student, versions] = await Promise.all([previewStudent(db, term.id, seed), regradeVersions(db, a.id)]);
  const points = new Map(a.currentVersion.questions.map((q) => [q.key, q.points]));
  // The statement and questions as the reader reads the site: the Chinese ones where the assignment has them.
  const locale = (await getLocale()) === "zh" ? "zh" : "en";
  const questions = await previewQuestions(a.content, a.currentVersion.contentHash, a.slug, course.slug, a.slug, points, student.key, locale);
  const statement = statementHtml(a.content, locale);
  const base = `/courses/${course.slug}/${term.slug}/staff`;
  const [t, tc] = await Promise.all([getTranslations("staff.assignment"), getTranslations("staff.common")]);
  return (
    <section>
      <StaffCrumbs course={course} term={term} staffLabel={tc("staff")} />
      <h1>{a.title}</h1>
      <p className="muted">
        {t("version", { number: a.currentVersion.number })} · {t("released")} <LocalTime iso={a.releaseAt.toISOString()} /> · {t("due")}{" "}
        <LocalTime iso={a.dueAt.toISOString()} />
        {a.lateUntil && (
          <>
            {" "}
            · {t("lateUntil")} <LocalTime iso={a.lateUntil.toISOString()} /> {t("lateAt", { penalty: Math.round(a.latePenalty * 100) })}
          </>
        )}{" "}
        · {tc("policy", { policy: tc(`policies.${a.policy}`) })}
      </p>
      <form className="toolbar-row card" method="get">
        <label>
          {t("seeAs")}
          <input type="text" name="seed" defaultValue={seed} maxLength={200} />
        </label>
        <button className="secondary" type="submit">
          {t("preview")}
        </button>
        <span className="muted small">{t("showing", { label: student.key === seed ? t("seedLabel", { seed }) : student.label })}</span>
      </form>
      <ReleasePanel
        courseSlug={`${course.slug}/${term.slug}`}
        assignment={a}
        manual={a.currentVersion.questions.filter((q) => questionReleaseMode(a, q.config) === "MANUAL").map((q) => q.key)}
        history={await publishHistory(db, term.id, a.id)}
      />
      <h2>{t("checker")}</h2>
      <CheckButton course={`${course.slug}/${term.slug}`} assignment={a.slug} />
      {statement && <div className="statement markdown card" dangerouslySetInnerHTML={{ __html: statement }} />}
      {questions.map(({ view, numeric, choice, tests, testsError }) => (
        <div key={view.id} className="question card">
          <h3>
            {view.title}{" "}
            <span className="muted small">
              {view.id} · {tc(`types.${view.type}`)} · {tc("points", { points: view.points })}
            </span>
          </h3>
          {view.type !== "numeric" && "promptHtml" in view && view.promptHtml && (
            <div className="markdown" dangerouslySetInnerHTML={{ __html: view.promptHtml }} />
          )}
          {numeric && (
            <>
              <div className="markdown" dangerouslySetInnerHTML={{ __html: numeric.promptHtml }} />
              <p className="small">
                {t("expected")} <strong>{numeric.expected}</strong> <span className="muted">{t("parameters", { params: JSON.stringify(numeric.params) })}</span>
              </p>
            </>
          )}
          {choice && (
            <ol type="A">
              {choice.order.map((o) => (
                <li key={o.id}>
                  {o.text} {o.correct && <span className="badge ok">{t("correct")}</span>}
                </li>
              ))}
            </ol>
          )}
          {view.type === "proof" && (
            <ul className="small">
              {view.rubric.map((r) => (
                <li key={r.id}>
                  {r.points > 0 ? "+" : ""}
                  {r.points}: {r.description}
                </li>
              ))}
            </ul>
          )}
          {view.type === "code" && (
            <details>
              <summary>{t("starter")}</summary>
              <pre className="code-side">{view.starter}</pre>
            </details>
          )}
          {tests && (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("colTest")}</th>
                  <th scope="col">{t("colVisibility")}</th>
                  <th scope="col" className="num">
                    {t("colPoints")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {tests.map((x) => (
                  <tr key={x.name}>
                    <td>{x.name}</td>
                    <td>
                      {x.visibility === "hidden" ? (
                        <span className="badge warn">{tc("visibility.hidden")}</span>
                      ) : (
                        <span className="badge">{tc(`visibility.${x.visibility}`)}</span>
                      )}
                    </td>
                    <td className="num">{x.points}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {testsError && <p className="error">{t("testsError", { error: testsError })}</p>}
          {view.type !== "proof" && (
            <div className="row-actions" style={{ marginTop: "0.6rem" }}>
              <RegradeButton
                course={`${course.slug}/${term.slug}`}
                assignment={a.slug}
                question={view.id}
                versions={versions.map((v) => v.number)}
                current={a.currentVersion.number}
              />
            </div>
          )}
          {view.type === "proof" && (
            <p>
              <Link href={`${base}/grading/${a.slug}/${view.id}`}>{t("gradeProof")}</Link>
            </p>
          )}
        </div>
      ))}
      {role === "INSTRUCTOR" && <TermDatesForm url={`/api/courses/${course.slug}/${term.slug}/staff/dates`} assignment={a.slug} dates={a} />}
    </section>
  );
}

// This term's dates of the assignment, set in the site: they win over the course folder's from
// now on (lib/courses/terms.ts). Instructors and admins only.
async function TermDatesForm({ url, assignment, dates }: { url: string; assignment: string; dates: { releaseAt: Date; dueAt: Date; lateUntil: Date | null } }) {
  const t = await getTranslations("terms");
  return (
    <ActionForm
      url={url}
      fixed={{ assignment }}
      heading={t("dates")}
      intro={t("datesIntro")}
      submit={t("saveDates")}
      fields={[
        { name: "releaseAt", label: t("releaseAt"), required: true, defaultValue: dates.releaseAt.toISOString() },
        { name: "dueAt", label: t("dueAt"), required: true, defaultValue: dates.dueAt.toISOString() },
        { name: "lateUntil", label: t("lateUntil"), defaultValue: dates.lateUntil?.toISOString() ?? "" },
      ]}
    />
  );
}
