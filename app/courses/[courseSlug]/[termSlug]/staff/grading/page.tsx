import Link from "next/link";
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
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> / <Link href={base}>Staff</Link> /
      </p>
      <h1>Proof grading</h1>
      {proofs.length === 0 ? (
        <p className="notice">No assignment has a proof question.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Assignment</th>
              <th scope="col" className="num">
                To grade
              </th>
              <th scope="col" className="num">
                Graded
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
