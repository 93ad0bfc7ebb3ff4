// The trail above every staff page: the course term, its staff overview, and optionally one more
// level (the gradebook above a student's row, the grading list above a question).
import Link from "next/link";

export function StaffCrumbs({
  course,
  term,
  staffLabel,
  trail,
}: {
  course: { slug: string; title: string };
  term: { slug: string };
  staffLabel: string;
  trail?: { href: string; label: string };
}) {
  const home = `/courses/${course.slug}/${term.slug}`;
  return (
    <p className="crumbs">
      <Link href={home}>{course.title}</Link> / <Link href={`${home}/staff`}>{staffLabel}</Link> /
      {trail && (
        <>
          {" "}
          <Link href={trail.href}>{trail.label}</Link> /
        </>
      )}
    </p>
  );
}
