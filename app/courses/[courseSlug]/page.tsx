import Link from "next/link";
import { requireCourseRole } from "@/lib/access";
import { courseAssignments } from "@/lib/courses";
import { LocalTime } from "@/components/local-time";

export default async function CoursePage({ params }: { params: Promise<{ courseSlug: string }> }) {
  const { courseSlug } = await params;
  const { course, enrollment, isStaff } = await requireCourseRole(courseSlug);
  const assignments = await courseAssignments(course.id, isStaff);
  const now = Date.now();
  return (
    <section>
      <p className="crumbs"><Link href="/courses">My courses</Link> /</p>
      <h1>{course.title}</h1>
      <p className="muted">
        {course.term} · you are <span className={`badge role-${enrollment.role}`}>{enrollment.role.toLowerCase()}</span>
        {enrollment.section && <> in section {enrollment.section}</>}
        {isStaff && (
          <>
            {" · "}
            <Link href={`/courses/${course.slug}/roster`}>Roster</Link>
          </>
        )}
      </p>
      <h2>Assignments</h2>
      {assignments.length === 0 ? (
        <p className="notice">No assignments are released yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Assignment</th>
              <th scope="col">Due</th>
              <th scope="col" className="hide-narrow">Late work</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/courses/${course.slug}/assignments/${a.slug}`}>{a.title}</Link>
                  {a.challenge && <> <span className="badge warn">challenge</span></>}
                  {a.releaseAt.getTime() > now && <> <span className="badge">not released</span></>}
                  {a.summary && <div className="muted">{a.summary}</div>}
                </td>
                <td>
                  <LocalTime iso={a.dueAt.toISOString()} />
                  {a.dueAt.getTime() < now && <> <span className="badge bad">closed</span></>}
                </td>
                <td className="hide-narrow">
                  {a.lateUntil ? (
                    <>until <LocalTime iso={a.lateUntil.toISOString()} />, −{Math.round(a.latePenalty * 100)}%</>
                  ) : (
                    <span className="muted">not accepted</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
