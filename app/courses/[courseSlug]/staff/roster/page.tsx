import Link from "next/link";
import { STAFF, requireCourseRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { mailConfigured } from "@/lib/env";
import { mailProblems } from "@/lib/mail/outbox";
import { rosterPeople } from "@/lib/courses/roster-people";
import { RosterImport } from "@/components/staff/roster-import";
import { RosterPeople } from "@/components/staff/roster-people";
import { LocalTime } from "@/components/local-time";
import { TimePolicies } from "@/components/staff/time-policies";
import { courseTimePolicies } from "@/lib/grades/accommodations";

export default async function RosterPage({ params }: { params: Promise<{ courseSlug: string }> }) {
  const { courseSlug } = await params;
  const { course, user, enrollment } = await requireCourseRole(courseSlug, STAFF, `/courses/${courseSlug}/staff/roster`);
  const db = await getDb();
  const [people, problems] = await Promise.all([rosterPeople(db, course.id), mailProblems(db, course.id)]);
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}`}>{course.title}</Link> / <Link href={`/courses/${course.slug}/staff`}>Staff</Link> /
      </p>
      <h1>Roster</h1>
      <p className="muted">
        Import people from a CSV file, then invite them: each gets a link to set their password (it works once, for 7 days). People who forget their password
        use “Forgot password?” on the sign-in page, or you send them a reset link here.
      </p>
      {problems.length > 0 && (
        <div className="notice warn" role="alert" data-testid="mail-problems">
          <strong>Mail not delivered yet</strong>
          <ul>
            {problems.map((m) => (
              <li key={m.id}>
                {m.to}: “{m.subject}” —{" "}
                {m.status === "FAILED" ? (
                  `gave up after ${m.attempts} attempts`
                ) : (
                  <>
                    attempt {m.attempts} failed, trying again at <LocalTime iso={m.runAfter.toISOString()} />
                  </>
                )}
                : {m.lastError}
              </li>
            ))}
          </ul>
          <p className="muted">Check SMTP_URL and the mail server; a failed invitation can be sent again with “Resend invitation”.</p>
        </div>
      )}
      <h2>People</h2>
      <RosterPeople course={course.slug} people={people} actorRole={enrollment.role} actorId={user.id} mail={mailConfigured()} />
      <TimePolicies policies={await courseTimePolicies(db, course.id)} courseSlug={course.slug} />
      <h2>Import a roster</h2>
      <p className="muted">
        A CSV file with one person per line: <code>email,name,student id,section,role</code> (role: student, ta or instructor; empty means student; a header
        line is optional). Preview first; the import adds or updates everyone in one step, or nobody when a row is bad.
      </p>
      <RosterImport course={course.slug} />
    </section>
  );
}
