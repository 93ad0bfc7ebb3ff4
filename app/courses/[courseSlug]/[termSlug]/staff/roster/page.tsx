import { StaffCrumbs } from "@/components/staff/staff-crumbs";
import { getTranslations } from "next-intl/server";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { mailConfigured } from "@/lib/env";
import { mailProblems } from "@/lib/mail/outbox";
import { rosterPeople } from "@/lib/courses/roster-people";
import { RosterImport } from "@/components/staff/roster-import";
import { RosterPeople } from "@/components/staff/roster-people";
import { LocalTime } from "@/components/local-time";
import { TimePolicies } from "@/components/staff/time-policies";
import { courseTimePolicies } from "@/lib/grades/accommodations";

export default async function RosterPage({ params }: { params: Promise<{ courseSlug: string; termSlug: string }> }) {
  const { courseSlug, termSlug } = await params;
  const { course, term, user, role } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/staff/roster`);
  const db = await getDb();
  const [people, problems] = await Promise.all([rosterPeople(db, term.id), mailProblems(db, course.id)]);
  const [t, tc] = await Promise.all([getTranslations("staff.roster"), getTranslations("staff.common")]);
  return (
    <section>
      <StaffCrumbs course={course} term={term} staffLabel={tc("staff")} />
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      {problems.length > 0 && (
        <div className="notice warn" role="alert" data-testid="mail-problems">
          <strong>{t("mailProblems")}</strong>
          <ul>
            {problems.map((m) => (
              <li key={m.id}>
                {m.to}: “{m.subject}” —{" "}
                {m.status === "FAILED" ? (
                  t("gaveUp", { count: m.attempts })
                ) : (
                  <>
                    {t("retrying", { count: m.attempts })} <LocalTime iso={m.runAfter.toISOString()} />
                  </>
                )}
                : {m.lastError}
              </li>
            ))}
          </ul>
          <p className="muted">{t("mailHint")}</p>
        </div>
      )}
      <h2>{t("people")}</h2>
      <RosterPeople course={`${course.slug}/${term.slug}`} people={people} actorRole={role} actorId={user.id} mail={mailConfigured()} />
      <TimePolicies policies={await courseTimePolicies(db, term.id)} courseSlug={`${course.slug}/${term.slug}`} />
      <h2>{t("importTitle")}</h2>
      <p className="muted">{t.rich("importLead", { code: (chunks) => <code>{chunks}</code> })}</p>
      <RosterImport course={`${course.slug}/${term.slug}`} />
    </section>
  );
}
