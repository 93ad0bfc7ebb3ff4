import Link from "next/link";
import { notFound } from "next/navigation";
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
  const ungraded = queue.filter((e) => !e.graded).length;
  const first = queue[0];
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> / <Link href={base}>Staff</Link> /{" "}
        <Link href={`${base}/grading`}>Proof grading</Link> /
      </p>
      <h1>{q.title}</h1>
      <p className="muted">
        {a.title} · {pts(q.points)} points · {ungraded} of {queue.length} final submissions to grade
      </p>
      {first && (
        <p>
          <Link className="button" href={`${base}/grading/${a.slug}/${q.key}/${first.submissionId}`}>
            {ungraded ? "Start grading" : "Review graded proofs"}
          </Link>
        </p>
      )}
      <h2>Queue</h2>
      <p className="muted small">
        Each student&apos;s final proof; ungraded first, in a fixed shuffled order (the same for every grader), so that names and alphabetical order do not bias
        grading.
      </p>
      {queue.length === 0 ? (
        <p className="notice">No student has submitted this proof yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Submission</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Score
              </th>
            </tr>
          </thead>
          <tbody>
            {queue.map((e, i) => (
              <tr key={e.submissionId}>
                <td>{i + 1}</td>
                <td>
                  <Link href={`${base}/grading/${a.slug}/${q.key}/${e.submissionId}`}>Proof {e.submissionId.slice(-6)}</Link>
                </td>
                <td>{e.graded ? <span className="badge ok">graded{e.grader ? ` by ${e.grader}` : ""}</span> : <span className="badge warn">to grade</span>}</td>
                <td className="num">{e.graded ? `${pts(e.score)} / ${pts(q.points)}` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Rubric</h2>
      <p className="muted small">Changing an item&apos;s points recomputes the score of every proof already graded with it.</p>
      <RubricEditor
        course={`${course.slug}/${term.slug}`}
        items={rubric.map((r) => ({ id: r.id, key: r.key, points: r.points, description: r.description, uses: r._count.applied }))}
      />
    </section>
  );
}
