import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { STAFF, requireCourseRole } from "@/lib/access";
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
  params: Promise<{ courseSlug: string; assignmentSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseSlug, assignmentSlug } = await params;
  const { course } = await requireCourseRole(courseSlug, STAFF, `/courses/${courseSlug}/staff/assignments/${assignmentSlug}`);
  const db = await getDb();
  const a = await staffAssignment(db, course.id, assignmentSlug);
  if (!a) notFound();
  const sp = query.safeParse(await searchParams);
  const seed = (sp.success && sp.data.seed) || "preview";
  const [student, versions] = await Promise.all([previewStudent(db, course.id, seed), regradeVersions(db, a.id)]);
  const points = new Map(a.currentVersion.questions.map((q) => [q.key, q.points]));
  const questions = await previewQuestions(a.content, a.currentVersion.contentHash, a.slug, course.slug, a.slug, points, student.key);
  const statement = statementHtml(a.content, "en");
  const base = `/courses/${course.slug}/staff`;
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}`}>{course.title}</Link> / <Link href={base}>Staff</Link> /
      </p>
      <h1>{a.title}</h1>
      <p className="muted">
        Version {a.currentVersion.number} · released <LocalTime iso={a.releaseAt.toISOString()} /> · due <LocalTime iso={a.dueAt.toISOString()} />
        {a.lateUntil && (
          <>
            {" "}
            · late until <LocalTime iso={a.lateUntil.toISOString()} /> at −{Math.round(a.latePenalty * 100)}%
          </>
        )}{" "}
        · policy {a.policy.toLowerCase()}
      </p>
      <form className="toolbar-row card" method="get">
        <label>
          See it as student (email or any seed)
          <input type="text" name="seed" defaultValue={seed} maxLength={200} />
        </label>
        <button className="secondary" type="submit">
          Preview
        </button>
        <span className="muted small">Showing {student.label}: numeric parameters and option order are theirs.</span>
      </form>
      <ReleasePanel
        courseSlug={course.slug}
        assignment={a}
        manual={a.currentVersion.questions.filter((q) => questionReleaseMode(a, q.config) === "MANUAL").map((q) => q.key)}
        history={await publishHistory(db, course.id, a.id)}
      />
      <h2>Checker</h2>
      <CheckButton course={course.slug} assignment={a.slug} />
      {statement && <div className="statement markdown card" dangerouslySetInnerHTML={{ __html: statement }} />}
      {questions.map(({ view, numeric, choice, tests, testsError }) => (
        <div key={view.id} className="question card">
          <h3>
            {view.title}{" "}
            <span className="muted small">
              {view.id} · {view.type} · {view.points} {view.points === 1 ? "point" : "points"}
            </span>
          </h3>
          {view.type !== "numeric" && "promptHtml" in view && view.promptHtml && (
            <div className="markdown" dangerouslySetInnerHTML={{ __html: view.promptHtml }} />
          )}
          {numeric && (
            <>
              <div className="markdown" dangerouslySetInnerHTML={{ __html: numeric.promptHtml }} />
              <p className="small">
                Expected answer for this student: <strong>{numeric.expected}</strong>{" "}
                <span className="muted">(parameters {JSON.stringify(numeric.params)})</span>
              </p>
            </>
          )}
          {choice && (
            <ol type="A">
              {choice.order.map((o) => (
                <li key={o.id}>
                  {o.text} {o.correct && <span className="badge ok">correct</span>}
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
              <summary>Starter code</summary>
              <pre className="code-side">{view.starter}</pre>
            </details>
          )}
          {tests && (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Test</th>
                  <th scope="col">Visibility</th>
                  <th scope="col" className="num">
                    Points
                  </th>
                </tr>
              </thead>
              <tbody>
                {tests.map((t) => (
                  <tr key={t.name}>
                    <td>{t.name}</td>
                    <td>{t.visibility === "hidden" ? <span className="badge warn">hidden</span> : <span className="badge">{t.visibility}</span>}</td>
                    <td className="num">{t.points}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {testsError && <p className="error">Could not load the tests: {testsError}</p>}
          {view.type !== "proof" && (
            <div className="row-actions" style={{ marginTop: "0.6rem" }}>
              <RegradeButton
                course={course.slug}
                assignment={a.slug}
                question={view.id}
                versions={versions.map((v) => v.number)}
                current={a.currentVersion.number}
              />
            </div>
          )}
          {view.type === "proof" && (
            <p>
              <Link href={`${base}/grading/${a.slug}/${view.id}`}>Grade this proof</Link>
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
