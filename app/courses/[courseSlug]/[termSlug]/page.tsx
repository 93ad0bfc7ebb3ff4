import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTermRole } from "@/lib/access";
import { courseAssignments } from "@/lib/courses/queries";
import { getDb } from "@/lib/db";
import { studentProgress, type Progress } from "@/lib/grades/student-progress";
import { lateDayAccount } from "@/lib/grades/late-days";
import { LocalTime } from "@/components/local-time";
import { Countdown } from "@/components/countdown";

export default async function CoursePage({ params }: { params: Promise<{ courseSlug: string; termSlug: string }> }) {
  const { courseSlug, termSlug } = await params;
  const { course, term, enrollment, role, isStaff, user } = await requireTermRole(courseSlug, termSlug);
  const [assignments, t] = await Promise.all([courseAssignments(term.id, isStaff), getTranslations("course")]);
  const db = await getDb();
  const progress = await studentProgress(db, term.id, user.id);
  const account = isStaff || !enrollment ? null : await lateDayAccount(db, enrollment);
  const lateDays = account && account.budget > 0 ? account : null;
  const zh = (await getLocale()) === "zh";
  const now = Date.now();
  const statusBadge = (p: Progress | undefined) => {
    if (!p || p.state === "not_started") return <span className="badge">{t("status.notStarted")}</span>;
    if (p.state === "awaiting") return <span className="badge warn">{t("status.awaiting")}</span>;
    if (p.unreleased && p.state === "graded") return <span className="badge warn">{t("status.unreleased")}</span>;
    if (p.state === "in_progress")
      return (
        <span className="badge">
          {t("status.inProgress")} · {p.score} / {p.max}
        </span>
      );
    return <span className={`badge ${p.score >= p.max ? "ok" : ""}`}>{t("status.graded", { score: p.score, max: p.max })}</span>;
  };
  return (
    <section>
      <p className="crumbs">
        <Link href="/courses">{(await getTranslations("nav"))("myCourses")}</Link> /
      </p>
      <h1>{zh && course.titleZh ? course.titleZh : course.title}</h1>
      <p className="muted">
        {term.title} · {t("youAre")} <span className={`badge role-${role}`}>{t(`role.${role}`)}</span>
        {enrollment?.section && <> {t("inSection", { section: enrollment.section })}</>}
        {isStaff && (
          <>
            {" · "}
            <Link href={`/courses/${course.slug}/${term.slug}/roster`}>{t("roster")}</Link>
            {" · "}
            <Link href={`/courses/${course.slug}/${term.slug}/staff`}>{t("staff")}</Link>
          </>
        )}
      </p>
      {lateDays && (
        <p className="notice late-day-balance">
          {t("lateDayBalance", { left: lateDays.left, budget: lateDays.budget, hours: lateDays.hoursPerDay })}
          {enrollment && enrollment.accommodationDays > 0 && <> {t("accommodation", { days: enrollment.accommodationDays })}</>}
        </p>
      )}
      <h2>{t("assignments")}</h2>
      {assignments.length === 0 ? (
        <p className="notice">{t("none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("colAssignment")}</th>
              <th scope="col">{t("colDue")}</th>
              <th scope="col">{t("colStatus")}</th>
              <th scope="col" className="hide-narrow">
                {t("colLate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => {
              const p = progress.get(a.id);
              // This person's own deadlines (an extension moves both); no row only before a first version.
              const due = p?.dueAt ?? a.dueAt;
              const lateUntil = p ? p.lateUntil : a.lateUntil;
              return (
                <tr key={a.id}>
                  <td>
                    <Link href={`/courses/${course.slug}/${term.slug}/assignments/${a.slug}`}>{zh && a.titleZh ? a.titleZh : a.title}</Link>
                    {a.challenge && (
                      <>
                        {" "}
                        <span className="badge warn">{t("challenge")}</span>{" "}
                        <Link href={`/courses/${course.slug}/${term.slug}/assignments/${a.slug}/leaderboard`}>{t("leaderboard")}</Link>
                      </>
                    )}
                    {a.releaseAt.getTime() > now && (
                      <>
                        {" "}
                        <span className="badge">{t("notReleased")}</span>
                      </>
                    )}
                    {a.summary && <div className="muted hide-narrow">{zh && a.summaryZh ? a.summaryZh : a.summary}</div>}
                  </td>
                  <td>
                    <LocalTime iso={due.toISOString()} />
                    {p?.extensionDue && <div className="badge ok">{t("extension")}</div>}
                    <Countdown iso={due.toISOString()} />
                  </td>
                  <td>
                    {statusBadge(p)}
                    {p?.unreleased && p.state !== "graded" && (
                      <>
                        {" "}
                        <span className="badge warn">{t("status.unreleased")}</span>
                      </>
                    )}
                    {p && p.lateDays > 0 && (
                      <>
                        {" "}
                        <span className="badge ok">{t("status.lateDays", { days: p.lateDays })}</span>
                      </>
                    )}
                    {p?.late && (
                      <>
                        {" "}
                        <span className="badge bad">{t("status.late")}</span>
                      </>
                    )}
                  </td>
                  <td className="hide-narrow">
                    {lateUntil ? (
                      <>
                        {t("lateUntil", { penalty: Math.round(a.latePenalty * 100) })} <LocalTime iso={lateUntil.toISOString()} />
                      </>
                    ) : (
                      <span className="muted">{t("notAccepted")}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
