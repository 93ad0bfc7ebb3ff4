import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/access";
import { getDb } from "@/lib/db";
import { adminOverview } from "@/lib/courses/admin-actions";
import { hasEnded, pickCurrentTerm } from "@/lib/courses/current-term";
import { ActionForm } from "@/components/admin/action-form";

export const metadata: Metadata = { title: "Site administration" };

// Site admins only (everyone else: 404). Courses, their terms and instructors; forms to add more.
export default async function AdminPage() {
  await requireAdmin("/admin");
  const [courses, t] = await Promise.all([adminOverview(await getDb()), getTranslations("terms")]);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");
  return (
    <section>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <h2>{t("courses")}</h2>
      {courses.length === 0 && <p className="notice">{t("noCourses")}</p>}
      {courses.map((c) => {
        const current = pickCurrentTerm(c.terms);
        return (
          <article key={c.id} className="card" data-course={c.slug}>
            <h3>
              {c.title} <span className="muted">({c.slug})</span>
            </h3>
            {c.titleZh && (
              <p className="muted" lang="zh-CN">
                {c.titleZh}
              </p>
            )}
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("term")}</th>
                  <th scope="col">{t("starts")}</th>
                  <th scope="col">{t("ends")}</th>
                  <th scope="col">{t("instructors")}</th>
                  <th scope="col">{t("people")}</th>
                  <th scope="col">{t("assignments")}</th>
                </tr>
              </thead>
              <tbody>
                {c.terms.map((term) => (
                  <tr key={term.id}>
                    <td>
                      <Link href={`/courses/${c.slug}/${term.slug}`}>{term.title}</Link> <span className="muted">{term.slug}</span>{" "}
                      {term.id === current?.id && <span className="badge">{t("current")}</span>}
                      {hasEnded(term) && <span className="muted"> ({t("ended")})</span>}
                    </td>
                    <td>{day(term.startsAt)}</td>
                    <td>{day(term.endsAt)}</td>
                    <td>{term.enrollments.map((e) => e.user.email).join(", ") || t("none")}</td>
                    <td>{term._count.enrollments}</td>
                    <td>{term._count.assignments}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        );
      })}
      <div className="cards">
        <ActionForm
          url="/api/admin"
          fixed={{ action: "course" }}
          heading={t("newCourse")}
          submit={t("createCourse")}
          fields={[
            { name: "slug", label: t("slug"), required: true },
            { name: "title", label: t("titleField"), required: true },
            { name: "titleZh", label: t("titleZh") },
          ]}
        />
        <ActionForm
          url="/api/admin"
          fixed={{ action: "term" }}
          heading={t("newTerm")}
          submit={t("createTerm")}
          fields={[
            { name: "course", label: t("course"), required: true },
            { name: "slug", label: t("termSlug"), required: true },
            { name: "title", label: t("titleField") },
            { name: "startsAt", label: t("startsAt"), type: "date", required: true },
            { name: "endsAt", label: t("endsAt"), type: "date" },
          ]}
        />
        <ActionForm
          url="/api/admin"
          fixed={{ action: "copy" }}
          heading={t("copyTerm")}
          submit={t("copy")}
          fields={[
            { name: "course", label: t("course"), required: true },
            { name: "from", label: t("from"), required: true },
            { name: "to", label: t("to"), required: true },
            { name: "shiftDays", label: t("shiftDays"), type: "number", required: true, defaultValue: "182" },
          ]}
        />
        <ActionForm
          url="/api/admin"
          fixed={{ action: "instructor" }}
          heading={t("nameInstructor")}
          submit={t("addInstructor")}
          fields={[
            { name: "course", label: t("course"), required: true },
            { name: "term", label: t("termSlug"), required: true },
            { name: "email", label: t("email"), type: "email", required: true },
            { name: "name", label: t("name"), required: true },
          ]}
        />
      </div>
    </section>
  );
}
