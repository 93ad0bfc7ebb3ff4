import Link from "next/link";
import { StaffCrumbs } from "@/components/staff/staff-crumbs";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { staffAssignment } from "@/lib/assignments/course-data";
import { proofQueue } from "@/lib/grades/manual-grading";
import { pts } from "@/lib/grades/format";
import { RubricEditor } from "@/components/staff/rubric-editor";

export default async function ProofQueuePage({
  params,
}: {
  params: Promise<{ courseSlug: string; termSlug: string; assignmentSlug: string; questionKey: string }>;
}) {
  const { courseSlug, termSlug, assignmentSlug, questionKey } = await params;
  const { course, term } = await requireTermRole(
    courseSlug,
    termSlug,
    STAFF,
    `/courses/${courseSlug}/${termSlug}/staff/grading/${assignmentSlug}/${questionKey}`,
  );
  const db = await getDb();
  const a = await staffAssignment(db, term.id, assignmentSlug);
  const q = a?.currentVersion.questions.find((x) => x.key === questionKey && x.type === "PROOF");
  if (!a || !q) notFound();
  const [queue, rubric] = await Promise.all([
    proofQueue(db, a.id, q.key),
    db.rubricItem.findMany({
      where: { assignmentId: a.id, questionKey: q.key },
      orderBy: { position: "asc" },
      include: { _count: { select: { applied: true } } },
    }),
  ]);
  const base = `/courses/${course.slug}/${term.slug}/staff`;
  const [t, tc, tnav] = await Promise.all([getTranslations("staff.queue"), getTranslations("staff.common"), getTranslations("staff.nav")]);
  const ungraded = queue.filter((e) => !e.graded).length;
  const first = queue[0];
  return (
    <section>
      <StaffCrumbs course={course} term={term} staffLabel={tc("staff")} trail={{ href: `${base}/grading`, label: tnav("grading") }} />
      <h1>{q.title}</h1>
      <p className="muted">{t("summary", { assignment: a.title, points: q.points, ungraded, total: queue.length })}</p>
      {first && (
        <p>
          <Link className="button" href={`${base}/grading/${a.slug}/${q.key}/${first.submissionId}`}>
            {ungraded ? t("start") : t("review")}
          </Link>
        </p>
      )}
      <h2>{t("queue")}</h2>
      <p className="muted small">{t("queueNote")}</p>
      {queue.length === 0 ? (
        <p className="notice">{t("none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("colSubmission")}</th>
              <th scope="col">{t("colStatus")}</th>
              <th scope="col" className="num">
                {t("colScore")}
              </th>
            </tr>
          </thead>
          <tbody>
            {queue.map((e, i) => (
              <tr key={e.submissionId}>
                <td>{i + 1}</td>
                <td>
                  <Link href={`${base}/grading/${a.slug}/${q.key}/${e.submissionId}`}>{t("proof", { id: e.submissionId.slice(-6) })}</Link>
                </td>
                <td>
                  {e.graded ? (
                    <span className="badge ok">{e.grader ? t("gradedBy", { name: e.grader }) : t("graded")}</span>
                  ) : (
                    <span className="badge warn">{t("toGrade")}</span>
                  )}
                </td>
                <td className="num">{e.graded ? `${pts(e.score)} / ${pts(q.points)}` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("rubric")}</h2>
      <p className="muted small">{t("rubricNote")}</p>
      <RubricEditor
        course={`${course.slug}/${term.slug}`}
        items={rubric.map((r) => ({ id: r.id, key: r.key, points: r.points, description: r.description, uses: r._count.applied }))}
      />
    </section>
  );
}
