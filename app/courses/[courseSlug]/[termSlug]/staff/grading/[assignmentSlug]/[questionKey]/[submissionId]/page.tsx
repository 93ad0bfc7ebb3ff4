import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { STAFF, requireTermRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { renderMarkdown } from "@/lib/assignments/markdown.shared";
import { localizedFile } from "@/lib/assignments/public-view";
import { staffAssignment } from "@/lib/assignments/course-data";
import { proofQueue } from "@/lib/grades/manual-grading";
import { LocalTime } from "@/components/local-time";
import { GradingPanel } from "@/components/staff/grading-panel";

export default async function GradeProofPage({
  params,
}: {
  params: Promise<{ courseSlug: string; termSlug: string; assignmentSlug: string; questionKey: string; submissionId: string }>;
}) {
  const { courseSlug, termSlug, assignmentSlug, questionKey, submissionId } = await params;
  const { course, term } = await requireTermRole(
    courseSlug,
    termSlug,
    STAFF,
    `/courses/${courseSlug}/${termSlug}/staff/grading/${assignmentSlug}/${questionKey}/${submissionId}`,
  );
  const db = await getDb();
  const a = await staffAssignment(db, term.id, assignmentSlug);
  const q = a?.currentVersion.questions.find((x) => x.key === questionKey && x.type === "PROOF");
  if (!a || !q) notFound();
  const s = await db.submission.findUnique({
    where: { id: submissionId },
    include: {
      user: { select: { name: true, email: true } },
      version: { select: { number: true } },
      manualGrading: { include: { items: true, grader: { select: { email: true } } } },
    },
  });
  if (!s || s.assignmentId !== a.id || s.questionKey !== q.key || s.kind !== "SUBMIT") notFound();
  const [queue, rubric] = await Promise.all([
    proofQueue(db, a.id, q.key),
    db.rubricItem.findMany({ where: { assignmentId: a.id, questionKey: q.key }, orderBy: { position: "asc" } }),
  ]);
  // Navigation follows the fixed shuffled order, whatever is graded; "save & next" skips to the next ungraded.
  const ordered = [...queue].sort((x, y) => (x.rank < y.rank ? -1 : 1));
  const at = ordered.findIndex((e) => e.submissionId === s.id);
  const base = `/courses/${course.slug}/${term.slug}/staff/grading/${a.slug}/${q.key}`;
  const url = (e: { submissionId: string } | undefined) => (e ? `${base}/${e.submissionId}` : null);
  const prev = at > 0 ? url(ordered[at - 1]) : null;
  const next = at >= 0 && at < ordered.length - 1 ? url(ordered[at + 1]) : null;
  const after = at >= 0 ? [...ordered.slice(at + 1), ...ordered.slice(0, at)] : ordered;
  const nextUngraded = url(after.find((e) => !e.graded && e.submissionId !== s.id)) ?? base;
  const answer = (s.answer as { text?: string } | null)?.text ?? "";
  const promptSrc = a.content.spec.questions.find((x) => x.id === q.key)?.prompt;
  // The question as the grader reads the site: the Chinese prompt where the assignment has one.
  const locale = (await getLocale()) === "zh" ? "zh" : "en";
  const prompt = promptSrc ? localizedFile(a.content.files, promptSrc, locale) : undefined;
  const isFinal = at >= 0;
  const [t, tnav] = await Promise.all([getTranslations("staff.proof"), getTranslations("staff.nav")]);
  return (
    <section>
      <p className="crumbs">
        <Link href={`/courses/${course.slug}/${term.slug}`}>{course.title}</Link> /{" "}
        <Link href={`/courses/${course.slug}/${term.slug}/staff/grading`}>{tnav("grading")}</Link> / <Link href={base}>{q.title}</Link> /
      </p>
      <h1>
        {q.title} <span className="muted small">{at >= 0 ? t("position", { at: at + 1, total: ordered.length }) : t("earlier")}</span>
      </h1>
      {!isFinal && <p className="notice warn">{t("notFinal")}</p>}
      <div className="grading-layout">
        <div>
          {prompt && (
            <details className="card">
              <summary>{t("question")}</summary>
              <div className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(prompt) }} />
            </details>
          )}
          <h2>{t("answer")}</h2>
          <p className="muted small">
            {t("submitted")} <LocalTime iso={s.createdAt.toISOString()} />
            {s.late && (
              <>
                {" "}
                <span className="badge bad">{t("late")}</span>
              </>
            )}{" "}
            · {t("version", { number: s.version.number })}
          </p>
          <div className="answer markdown" data-testid="proof-answer" dangerouslySetInnerHTML={{ __html: renderMarkdown(answer) }} />
          <details className="small">
            <summary>{t("studentHidden")}</summary>
            {s.user.name} · {s.user.email}
          </details>
        </div>
        <GradingPanel
          key={`${s.id}:${s.manualGrading?.revision ?? 0}`}
          course={`${course.slug}/${term.slug}`}
          submissionId={s.id}
          questionPoints={q.points}
          rubric={rubric.map((r) => ({ id: r.id, points: r.points, description: r.description }))}
          initial={{
            itemIds: s.manualGrading?.items.map((i) => i.rubricItemId) ?? [],
            comment: s.manualGrading?.comment ?? "",
            adjustment: s.manualGrading?.adjustment ?? 0,
            revision: s.manualGrading?.revision ?? 0,
            grader: s.manualGrading?.grader?.email ?? null,
          }}
          prevUrl={prev}
          nextUrl={next}
          nextUngradedUrl={nextUngraded}
          queueUrl={base}
        />
      </div>
    </section>
  );
}
