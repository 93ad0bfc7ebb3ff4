import Link from "next/link";
import { StaffCrumbs } from "@/components/staff/staff-crumbs";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { staffAssignment, staffAssignments } from "@/lib/assignments/course-data";
import { similarPairs } from "@/lib/submissions/similarity";

const query = z.object({ q: z.string().max(140).optional(), pair: z.string().max(140).optional() });

export default async function SimilarityPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseSlug: string; termSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseSlug, termSlug } = await params;
  const { course, term } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/staff/similarity`);
  const db = await getDb();
  const assignments = await staffAssignments(db, term.id);
  const codeQuestions = assignments.flatMap((a) =>
    (a.currentVersion?.questions ?? []).filter((q) => q.type === "CODE").map((q) => ({ a, q, value: `${a.slug}/${q.key}` })),
  );
  const sp = query.safeParse(await searchParams);
  const chosen = codeQuestions.find((c) => c.value === (sp.success ? sp.data.q : undefined)) ?? codeQuestions[0];
  const base = `/courses/${course.slug}/${term.slug}/staff`;
  const [t, tc] = await Promise.all([getTranslations("staff.similarity"), getTranslations("staff.common")]);
  if (!chosen) return <p className="notice">{t("none")}</p>;
  // Only the chosen assignment's files are loaded (for its starter, left out of the comparison).
  const content = (await staffAssignment(db, term.id, chosen.a.slug))?.content;
  const spec = content?.spec.questions.find((x) => x.id === chosen.q.key);
  const starter = content && spec?.type === "code" ? (content.files[spec.starter] ?? "") : "";
  const { pairs, submissions } = await similarPairs(db, chosen.a.id, chosen.q.key, starter);
  const pairParam = sp.success ? sp.data.pair : undefined;
  const open = pairParam ? pairs.find((p) => `${p.a.submissionId}:${p.b.submissionId}` === pairParam) : undefined;
  const code = open
    ? await db.submission.findMany({ where: { id: { in: [open.a.submissionId, open.b.submissionId] } }, select: { id: true, code: true } })
    : [];
  return (
    <section>
      <StaffCrumbs course={course} term={term} staffLabel={tc("staff")} />
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      <form className="toolbar-row" method="get">
        <label>
          {t("question")}
          <select name="q" defaultValue={chosen.value}>
            {codeQuestions.map((c) => (
              <option key={c.value} value={c.value}>
                {c.a.title} — {c.q.title}
              </option>
            ))}
          </select>
        </label>
        <button className="secondary" type="submit">
          {t("compare")}
        </button>
      </form>
      <p className="muted small">{t("summary", { submissions, pairs: pairs.length })}</p>
      {open && (
        <div className="card">
          <h2>{t("pairTitle", { a: open.a.name, b: open.b.name, pct: Math.round(open.similarity * 100) })}</h2>
          <div className="side-by-side">
            {[open.a, open.b].map((x) => (
              <div key={x.submissionId}>
                <strong>{x.name}</strong>
                <pre className="code-side">{code.find((c) => c.id === x.submissionId)?.code ?? ""}</pre>
              </div>
            ))}
          </div>
        </div>
      )}
      {pairs.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("colA")}</th>
              <th scope="col">{t("colB")}</th>
              <th scope="col" className="num">
                {t("colSimilarity")}
              </th>
              <th scope="col" className="num">
                {t("colShared")}
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {pairs.map((p) => (
              <tr key={`${p.a.submissionId}:${p.b.submissionId}`}>
                <td>{p.a.name}</td>
                <td>{p.b.name}</td>
                <td className="num">
                  <strong className={p.similarity >= 0.8 ? "bad-text" : undefined}>{Math.round(p.similarity * 100)}%</strong>
                </td>
                <td className="num">{p.shared}</td>
                <td>
                  <Link href={`${base}/similarity?q=${encodeURIComponent(chosen.value)}&pair=${encodeURIComponent(`${p.a.submissionId}:${p.b.submissionId}`)}`}>
                    {t("compare")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
