import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/access";
import { coursesOf } from "@/lib/courses/queries";

export const metadata: Metadata = { title: "My courses" };

export default async function MyCoursesPage() {
  const user = await requireUser("/courses");
  const [enrollments, t] = await Promise.all([coursesOf(user.id), getTranslations("courses")]);
  return (
    <section>
      <h1>{t("title")}</h1>
      {enrollments.length === 0 ? (
        <p className="notice">{t("none")}</p>
      ) : (
        <div className="cards">
          {enrollments.map((e) => (
            <article className="card" key={e.id}>
              <h3>
                <Link href={`/courses/${e.course.slug}`}>{e.course.title}</Link>
              </h3>
              {e.course.titleZh && (
                <p className="muted" lang="zh-CN">
                  {e.course.titleZh}
                </p>
              )}
              <p>
                <span className={`badge role-${e.role}`}>{e.role.toLowerCase()}</span> {e.course.term && <span className="muted">{e.course.term}</span>}{" "}
                <span className="muted">· {t("assignments", { count: e.course._count.assignments })}</span>
              </p>
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
