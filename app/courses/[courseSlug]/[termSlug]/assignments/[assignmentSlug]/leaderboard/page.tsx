import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { findAssignment } from "@/lib/assignments/queries";
import { leaderboard } from "@/lib/submissions/leaderboard";
import { LeaderboardOptIn } from "@/components/student/leaderboard-opt-in";

export default async function LeaderboardPage({ params }: { params: Promise<{ courseSlug: string; termSlug: string; assignmentSlug: string }> }) {
  const { courseSlug, termSlug, assignmentSlug } = await params;
  const { course, term, isStaff, user, enrollment, role } = await requireTermRole(
    courseSlug,
    termSlug,
    undefined,
    `/courses/${courseSlug}/${termSlug}/assignments/${assignmentSlug}/leaderboard`,
  );
  const assignment = await findAssignment(term.id, assignmentSlug, isStaff);
  if (!assignment || !assignment.challenge) notFound();
  const [rows, t] = await Promise.all([leaderboard(await getDb(), term.id, assignment.id, user.id), getTranslations("leaderboard")]);
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> /{" "}
        <Link href={`/courses/${course.slug}/${term.slug}/assignments/${assignment.slug}`}>{assignment.title}</Link> /
      </p>
      <h1>
        {t("title")}: {assignment.title}
      </h1>
      <p className="muted">{t("intro")}</p>
      {role === "STUDENT" && enrollment && (
        <LeaderboardOptIn course={`${course.slug}/${term.slug}`} optedIn={enrollment.leaderboardOptIn} pseudonym={enrollment.pseudonym} />
      )}
      {rows.length === 0 ? (
        <p className="notice">{t("none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("rank")}</th>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("score")}</th>
              <th scope="col">{t("metric")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rank} className={r.mine ? "mine" : undefined}>
                <td>{r.rank}</td>
                <td>{r.pseudonym}</td>
                <td>
                  {r.score} / {r.maxScore}
                </td>
                <td>{r.depth ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
