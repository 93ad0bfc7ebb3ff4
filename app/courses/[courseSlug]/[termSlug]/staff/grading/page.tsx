import Link from "next/link";
import { StaffCrumbs } from "@/components/staff/staff-crumbs";
import { getTranslations } from "next-intl/server";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { proofCounts, staffAssignments } from "@/lib/assignments/course-data";

export default async function GradingIndex({ params }: { params: Promise<{ courseSlug: string; termSlug: string }> }) {
  const { courseSlug, termSlug } = await params;
  const { course, term } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/staff/grading`);
  const db = await getDb();
  const [assignments, counts] = await Promise.all([staffAssignments(db, term.id), proofCounts(db, term.id)]);
  const proofs = assignments.flatMap((a) =>
    (a.currentVersion?.questions ?? []).filter((q) => q.type === "PROOF").map((q) => ({ a, q, c: counts.get(`${a.id}:${q.key}`) })),
  );
  const base = `/courses/${course.slug}/${term.slug}/staff`;
  const [t, tc] = await Promise.all([getTranslations("staff.grading"), getTranslations("staff.common")]);
  return (
    <section>
      <StaffCrumbs course={course} term={term} staffLabel={tc("staff")} />
      <h1>{t("title")}</h1>
      {proofs.length === 0 ? (
        <p className="notice">{t("none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("colQuestion")}</th>
              <th scope="col">{t("colAssignment")}</th>
              <th scope="col" className="num">
                {t("colToGrade")}
              </th>
              <th scope="col" className="num">
                {t("colGraded")}
              </th>
            </tr>
          </thead>
          <tbody>
            {proofs.map(({ a, q, c }) => (
              <tr key={q.id}>
                <td>
                  <Link href={`${base}/grading/${a.slug}/${q.key}`}>{q.title}</Link>
                </td>
                <td>{a.title}</td>
                <td className="num">{c ? c.total - c.graded : 0}</td>
                <td className="num">{c?.graded ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
