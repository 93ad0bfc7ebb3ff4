import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { STAFF, requireTermRole } from "@/lib/access";
import { courseRoster } from "@/lib/courses/queries";

export default async function RosterPage({ params }: { params: Promise<{ courseSlug: string; termSlug: string }> }) {
  const { courseSlug, termSlug } = await params;
  const { course, term } = await requireTermRole(courseSlug, termSlug, STAFF, `/courses/${courseSlug}/${termSlug}/roster`);
  const [roster, t, tn, tc] = await Promise.all([courseRoster(term.id), getTranslations("roster"), getTranslations("nav"), getTranslations("course")]);
  const counts = { STUDENT: 0, TA: 0, INSTRUCTOR: 0 };
  for (const e of roster) counts[e.role]++;
  return (
    <section>
      <p className="crumbs">
        <Link href="/courses">{tn("myCourses")}</Link> / <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> /
      </p>
      <h1>{t("title")}</h1>
      <p className="muted">
        {t("counts", { students: counts.STUDENT, tas: counts.TA, instructors: counts.INSTRUCTOR })} ·{" "}
        <Link href={`/courses/${course.slug}/${term.slug}/staff/roster`}>{t("manage")}</Link>
      </p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("section")}</th>
            <th scope="col" className="hide-narrow">
              {t("studentId")}
            </th>
          </tr>
        </thead>
        <tbody>
          {roster.map((e) => (
            <tr key={e.id}>
              <td>{e.user.name}</td>
              <td>{e.user.email}</td>
              <td>
                <span className={`badge role-${e.role}`}>{tc(`role.${e.role}`)}</span>
              </td>
              <td>{e.section ?? "—"}</td>
              <td className="hide-narrow">{e.user.studentId ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
