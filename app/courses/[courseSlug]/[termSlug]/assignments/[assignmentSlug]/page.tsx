import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireTermRole } from "@/lib/access";
import { findAssignment } from "@/lib/assignments/queries";
import { studentAssignmentView } from "@/lib/assignments/student-view";
import { LocalTime } from "@/components/local-time";
import { Countdown } from "@/components/countdown";
import { QuestionPanel } from "@/components/student/question-panel";
import { RegradeRequests } from "@/components/student/regrade-request";

export default async function AssignmentPage({ params }: { params: Promise<{ courseSlug: string; termSlug: string; assignmentSlug: string }> }) {
  const { courseSlug, termSlug, assignmentSlug } = await params;
  const { course, term, isStaff, user } = await requireTermRole(
    courseSlug,
    termSlug,
    undefined,
    `/courses/${courseSlug}/${termSlug}/assignments/${assignmentSlug}`,
  );
  const assignment = await findAssignment(term.id, assignmentSlug, isStaff);
  if (!assignment) notFound();
  const locale = (await getLocale()) === "zh" ? "zh" : "en";
  const [view, t, tn] = await Promise.all([
    studentAssignmentView({ assignment, courseSlug: course.slug, userId: user.id, isStaff, locale }),
    getTranslations("assignment"),
    getTranslations("nav"),
  ]);
  const title = locale === "zh" && assignment.titleZh ? assignment.titleZh : assignment.title;
  return (
    <article className="assignment">
      <p className="crumbs">
        <Link href="/courses">{tn("myCourses")}</Link> / <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> /
      </p>
      <h1>{title}</h1>
      <p className="muted">
        {view.extension ? t("yourDue") : t("due")}: <LocalTime iso={view.deadlines.dueAt.toISOString()} />{" "}
        <Countdown iso={view.deadlines.dueAt.toISOString()} />
        {view.deadlines.lateUntil && (
          <span className="small">
            {" "}
            {t("lateUntil", { penalty: Math.round(view.deadlines.latePenalty * 100) })} <LocalTime iso={view.deadlines.lateUntil.toISOString()} />
          </span>
        )}
      </p>
      {view.timing.open && view.timing.late && <p className="notice warn">{t("latePenaltyNow", { penalty: Math.round(view.timing.penalty * 100) })}</p>}
      {!view.timing.open && !view.canSubmit && (
        <p className="notice">
          {t("closed")} {view.timing.reason}
        </p>
      )}
      {view.accommodationDays > 0 && <p className="muted small accommodation">{t("accommodation", { days: view.accommodationDays })}</p>}
      {view.lateDays && (
        <p className={`notice late-days${view.deadlines.dueAt.getTime() < Date.now() ? " warn" : ""}`}>
          {t("lateDays", {
            left: view.lateDays.left,
            budget: view.lateDays.budget,
            hours: view.lateDays.hoursPerDay,
            max: view.lateDays.maxHere === null ? "none" : String(view.lateDays.maxHere),
          })}
          {view.lateDays.spentHere > 0 && <> {t("lateDaysSpentHere", { days: view.lateDays.spentHere })}</>}
        </p>
      )}
      {view.statement && <div className="statement card markdown" dangerouslySetInnerHTML={{ __html: view.statement }} />}
      <h2>{t("questions")}</h2>
      {view.questions.map((q, i) => (
        <section key={q.id} id={`q-${q.id}`} className="question card" aria-labelledby={`q-${q.id}-title`}>
          <h3 id={`q-${q.id}-title`}>
            {i + 1}. {q.title} <span className="muted small">· {t("points", { points: q.points })}</span>
          </h3>
          <p className="muted small">{t("attempts", { used: q.attemptsUsed, left: q.attemptsLeft === null ? "none" : String(q.attemptsLeft) })}</p>
          {q.nextAttempt && (
            <p className="muted small attempt-credit">
              {t("attemptCredit", {
                k: q.nextAttempt.number,
                n: q.nextAttempt.max === null ? "none" : String(q.nextAttempt.max),
                pct: q.nextAttempt.creditPercent,
              })}
            </p>
          )}
          <QuestionPanel course={`${course.slug}/${term.slug}`} assignment={assignment.slug} question={q} canSubmit={view.canSubmit} />
          <RegradeRequests course={`${course.slug}/${term.slug}`} {...q.regrade} />
        </section>
      ))}
    </article>
  );
}
