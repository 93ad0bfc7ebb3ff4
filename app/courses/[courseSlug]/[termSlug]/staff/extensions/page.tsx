import Link from "next/link";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { courseExtensions } from "@/lib/grades/extensions";
import { staffAssignments } from "@/lib/assignments/course-data";
import { LocalTime } from "@/components/local-time";
import { ExtensionForm, RevokeExtension } from "@/components/staff/extension-form";

export default async function ExtensionsPage({ params }: { params: Promise<{ courseSlug: string; termSlug: string }> }) {
  const { courseSlug, termSlug } = await params;
  const { course, term } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/staff/extensions`);
  const db = await getDb();
  const [extensions, assignments, students] = await Promise.all([
    courseExtensions(db, term.id),
    staffAssignments(db, term.id),
    db.enrollment.findMany({
      where: { termId: term.id, role: "STUDENT" },
      include: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> / <Link href={`/courses/${course.slug}/${term.slug}/staff`}>Staff</Link> /
      </p>
      <h1>Extensions</h1>
      <p className="muted">
        A new due date for one student on one assignment. The student sees it on their course page and can submit until then; the late window moves with it
        unless you set one.
      </p>
      <ExtensionForm
        course={`${course.slug}/${term.slug}`}
        students={students.map((s) => ({ id: s.user.id, label: `${s.user.name} <${s.user.email}>` }))}
        assignments={assignments.map((a) => ({ slug: a.slug, title: a.title, dueAt: a.dueAt.toISOString() }))}
      />
      <h2>Granted</h2>
      {extensions.length === 0 ? (
        <p className="muted">No extensions yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Assignment</th>
              <th scope="col">Due (was)</th>
              <th scope="col">Reason</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {extensions.map((e) => (
              <tr key={e.id}>
                <td>
                  {e.user.name}
                  <div className="muted small">{e.user.email}</div>
                </td>
                <td>{e.assignment.title}</td>
                <td>
                  <LocalTime iso={e.dueAt.toISOString()} />
                  <div className="muted small">
                    was <LocalTime iso={e.assignment.dueAt.toISOString()} />
                  </div>
                  {e.lateUntil && (
                    <div className="muted small">
                      late until <LocalTime iso={e.lateUntil.toISOString()} />
                    </div>
                  )}
                </td>
                <td>{e.reason || <span className="muted">—</span>}</td>
                <td>
                  <RevokeExtension course={`${course.slug}/${term.slug}`} extensionId={e.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
