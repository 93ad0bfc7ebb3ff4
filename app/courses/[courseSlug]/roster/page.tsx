import Link from "next/link";
import { STAFF, requireCourseRole } from "@/lib/access";
import { courseRoster } from "@/lib/courses";

export default async function RosterPage({ params }: { params: Promise<{ courseSlug: string }> }) {
  const { courseSlug } = await params;
  const { course } = await requireCourseRole(courseSlug, STAFF, `/courses/${courseSlug}/roster`);
  const roster = await courseRoster(course.id);
  const counts = { STUDENT: 0, TA: 0, INSTRUCTOR: 0 };
  for (const e of roster) counts[e.role]++;
  return (
    <section>
      <p className="crumbs"><Link href="/courses">My courses</Link> / <Link href={`/courses/${course.slug}`}>{course.title}</Link> /</p>
      <h1>Roster</h1>
      <p className="muted">{counts.STUDENT} students · {counts.TA} TAs · {counts.INSTRUCTOR} instructors</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Section</th>
            <th scope="col" className="hide-narrow">Student ID</th>
          </tr>
        </thead>
        <tbody>
          {roster.map((e) => (
            <tr key={e.id}>
              <td>{e.user.name}</td>
              <td>{e.user.email}</td>
              <td><span className={`badge role-${e.role}`}>{e.role.toLowerCase()}</span></td>
              <td>{e.section ?? "—"}</td>
              <td className="hide-narrow">{e.user.studentId ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
