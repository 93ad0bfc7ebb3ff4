import { StaffCrumbs } from "@/components/staff/staff-crumbs";
import { getTranslations } from "next-intl/server";
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
  const [t, tc] = await Promise.all([getTranslations("staff.extensions"), getTranslations("staff.common")]);
  return (
    <section>
      <StaffCrumbs course={course} term={term} staffLabel={tc("staff")} />
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      <ExtensionForm
        course={`${course.slug}/${term.slug}`}
        students={students.map((s) => ({ id: s.user.id, label: `${s.user.name} <${s.user.email}>` }))}
        assignments={assignments.map((a) => ({ slug: a.slug, title: a.title, dueAt: a.dueAt.toISOString() }))}
      />
      <h2>{t("granted")}</h2>
      {extensions.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("colStudent")}</th>
              <th scope="col">{t("colAssignment")}</th>
              <th scope="col">{t("colDue")}</th>
              <th scope="col">{t("colReason")}</th>
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
                    {t("was")} <LocalTime iso={e.assignment.dueAt.toISOString()} />
                  </div>
                  {e.lateUntil && (
                    <div className="muted small">
                      {t("lateUntil")} <LocalTime iso={e.lateUntil.toISOString()} />
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
