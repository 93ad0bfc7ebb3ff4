import Link from "next/link";
import { STAFF, requireCourseRole } from "@/lib/access";
import { RosterImport } from "@/components/staff/roster-import";

export default async function RosterImportPage({ params }: { params: Promise<{ courseSlug: string }> }) {
  const { courseSlug } = await params;
  const { course } = await requireCourseRole(courseSlug, STAFF, `/courses/${courseSlug}/staff/roster`);
  return (
    <section>
      <p className="crumbs"><Link href={`/courses/${course.slug}`}>{course.title}</Link> / <Link href={`/courses/${course.slug}/staff`}>Staff</Link> /</p>
      <h1>Roster import</h1>
      <p className="muted">
        A CSV file with one person per line: <code>email,name,student id,section,role</code> (role: student, ta or instructor; empty means student; a header line is optional).
        Preview first; the import adds or updates everyone in one step, or nobody when a row is bad. People sign in with single sign-on by their email. See the <Link href={`/courses/${course.slug}/roster`}>current roster</Link>.
      </p>
      <RosterImport course={course.slug} />
    </section>
  );
}
