import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCourseRole } from "@/lib/access";
import { findAssignment } from "@/lib/assignments/queries";
import { publicQuestion, statementHtml } from "@/lib/assignments/public-view";
import { LocalTime } from "@/components/local-time";

export default async function AssignmentPage({ params }: { params: Promise<{ courseSlug: string; assignmentSlug: string }> }) {
  const { courseSlug, assignmentSlug } = await params;
  const { course, isStaff } = await requireCourseRole(courseSlug, undefined, `/courses/${courseSlug}/assignments/${assignmentSlug}`);
  const assignment = await findAssignment(course.id, assignmentSlug, isStaff);
  if (!assignment) notFound();
  const locale = "en";
  const statement = statementHtml(assignment.content, locale);
  const specs = assignment.content.spec.questions;
  const questions = assignment.currentVersion.questions.map((row) => {
    const spec = specs.find((s) => s.id === row.key)!;
    return publicQuestion(assignment.content, spec, row.points, locale);
  });
  return (
    <article>
      <p className="crumbs"><Link href="/courses">My courses</Link> / <Link href={`/courses/${course.slug}`}>{course.title}</Link> /</p>
      <h1>{assignment.title}</h1>
      <p className="muted">Due <LocalTime iso={assignment.dueAt.toISOString()} /></p>
      {statement && <div className="statement card" dangerouslySetInnerHTML={{ __html: statement }} />}
      <h2>Questions</h2>
      <ol>
        {questions.map((q) => (
          <li key={q.id} id={`q-${q.id}`}>
            <strong>{q.title}</strong> <span className="muted">({q.type}, {q.points} points)</span>
          </li>
        ))}
      </ol>
    </article>
  );
}
