import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/access";
import { coursesOf } from "@/lib/courses/queries";
import { hasEnded } from "@/lib/courses/current-term";

export const metadata: Metadata = { title: "My courses" };

// Every term the person is in, each course's current term first (lib/courses/queries.ts).
export default async function MyCoursesPage() {
  const user = await requireUser("/courses");
  const [enrollments, t, tc, locale] = await Promise.all([coursesOf(user.id), getTranslations("courses"), getTranslations("course"), getLocale()]);
  const zh = locale.startsWith("zh");
  return (
    <section>
      <h1>{t("title")}</h1>
      {user.isAdmin && (
        <p>
          <Link href="/admin">{t("admin")}</Link>
        </p>
      )}
      {enrollments.length === 0 ? (
        <p className="notice">{t("none")}</p>
      ) : (
        <div className="cards">
          {enrollments.map((e) => {
            const { course } = e.term;
            return (
              <article className="card" key={e.id} data-term={`${course.slug}/${e.term.slug}`}>
                <h3>
                  <Link href={`/courses/${course.slug}/${e.term.slug}`}>{zh && course.titleZh ? course.titleZh : course.title}</Link>
                </h3>
                {!zh && course.titleZh && (
                  <p className="muted" lang="zh-CN">
                    {course.titleZh}
                  </p>
                )}
                <p>
                  <span className={`badge role-${e.role}`}>{tc(`role.${e.role}`)}</span> <span className="muted">{e.term.title}</span>{" "}
                  {e.isCurrent && <span className="badge">{t("current")}</span>}
                  {hasEnded(e.term) && <span className="muted"> ({t("ended")})</span>}{" "}
                  <span className="muted">· {t("assignments", { count: e.term._count.assignments })}</span>
                </p>
              </article>
            );
          })}
        </div>
      )}
    </section>
  );
}
