// Everything the assignment page shows one student: the statement and each question in their
// own version (numeric parameters filled in, options in their order), their drafts, their
// history, attempts, and whether and how late they may submit now.
import "server-only";
import { getDb } from "@/lib/db";
import type { QuestionSpec } from "@/lib/assignments/schema";
import { publicQuestion, statementHtml, type Locale, type PublicQuestion } from "@/lib/assignments/public-view";
import type { VersionContent } from "@/lib/assignments/version-content";
import { fillPlaceholders, renderMarkdown } from "@/lib/assignments/markdown.shared";
import { numericParams } from "@/lib/question-types/numeric";
import { shuffledOptionIds } from "@/lib/question-types/multiple-choice";
import { effectiveDeadlines, questionLimits, submissionTiming } from "@/lib/submissions/policy";
import { historyOf, type SubmissionView } from "@/lib/submissions/views";
import { attemptsLeft, attemptsUsed } from "@/lib/grades/attempts";
import { attemptCredit } from "@/lib/grades/credit";
import type { findAssignment } from "@/lib/assignments/queries";
import { lateDayAccount } from "@/lib/grades/late-days";
import { regradeWindow, studentRegradeRequests, windowRefusal } from "@/lib/grades/regrade-requests";

type Assignment = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

export type StudentQuestion = PublicQuestion & {
  html?: string;
  optionsHtml?: { id: string; html: string }[];
  draft: { content: string; updatedAt: string } | null;
  history: SubmissionView[];
  attemptsUsed: number;
  attemptsLeft: number | null;
  /** Under declining credit, while attempts remain: the next attempt's number and what it can earn. */
  nextAttempt: { number: number; max: number | null; creditPercent: number } | null;
  regrade: RegradeView;
};

/** The student's regrade requests for a question, and whether (and about what) they may ask now. */
export type RegradeView = {
  /** The graded, released submission a new request would be about (the newest one). */
  submissionId: string | null;
  /** Why they cannot ask now (null: they can). */
  refusal: string | null;
  targets: string[];
  requests: {
    id: string;
    status: "OPEN" | "ESCALATED" | "RESOLVED";
    target: string | null;
    outcome: string | null;
    createdAt: string;
    messages: { mine: boolean; author: string; text: string; at: string }[];
  }[];
};

export async function studentAssignmentView(opts: {
  assignment: Assignment;
  courseSlug: string;
  userId: string;
  isStaff: boolean;
  locale: Locale;
  now?: Date;
}) {
  const { assignment, courseSlug, userId, isStaff, locale } = opts;
  const now = opts.now ?? new Date();
  const db = await getDb();
  const content: VersionContent = assignment.content;
  const [extension, drafts, enrollment] = await Promise.all([
    db.extension.findUnique({ where: { userId_assignmentId: { userId, assignmentId: assignment.id } } }),
    db.draft.findMany({ where: { userId, assignmentId: assignment.id } }),
    db.enrollment.findUnique({ where: { userId_termId: { userId, termId: assignment.termId } } }),
  ]);
  const deadlines = effectiveDeadlines(assignment, extension, enrollment?.accommodationDays ?? 0);
  const timing = submissionTiming(deadlines, now);
  // Late days: what is left, and whether they can still open a closed assignment (submit decides).
  const account = enrollment && !isStaff ? await lateDayAccount(db, enrollment) : null;
  const lateDays =
    account && account.budget > 0
      ? {
          left: account.left,
          budget: account.budget,
          spentHere: account.spent.get(assignment.id) ?? 0,
          maxHere: assignment.maxLateDays,
          hoursPerDay: account.hoursPerDay,
        }
      : null;
  const lateDaysCanOpen =
    lateDays !== null && now > deadlines.dueAt && now >= assignment.releaseAt && assignment.maxLateDays !== 0 && (lateDays.left > 0 || lateDays.spentHere > 0);
  const [history, regradeRows, rubric] = await Promise.all([
    historyOf(db, userId, assignment.id, { duePassed: deadlines.dueAt < now, staff: isStaff }),
    studentRegradeRequests(db, userId, assignment.id),
    db.rubricItem.findMany({ where: { assignmentId: assignment.id }, orderBy: { position: "asc" }, select: { questionKey: true, key: true } }),
  ]);
  const questions: StudentQuestion[] = assignment.currentVersion.questions.map((row) => {
    const spec = content.spec.questions.find((s: QuestionSpec) => s.id === row.key)!;
    const pub = publicQuestion(content, spec, row.points, locale);
    const key = { course: courseSlug, assignment: assignment.slug, question: spec.id, student: userId };
    const mine = history.filter((h) => h.questionKey === spec.id);
    const used = attemptsUsed(mine.map((h) => ({ kind: h.kind, hasResult: h.status === "graded", jobStatuses: h.status === "failed" ? ["FAILED"] : [] })));
    const limits = questionLimits(content.spec, spec.id);
    const draft = drafts.find((d) => d.questionKey === spec.id);
    const asked = regradeRows.filter((r) => r.questionKey === spec.id);
    const gradedSub = mine.find((h) => h.kind === "SUBMIT" && h.status === "graded" && !h.unreleased);
    const window = regradeWindow({ assignment, questionConfig: row.config, extension, accommodationDays: enrollment?.accommodationDays ?? 0 });
    const refusal = isStaff
      ? "Regrade requests are asked by students."
      : !gradedSub
        ? "You can ask for a regrade once this question has a released grade."
        : asked.some((r) => r.status !== "RESOLVED")
          ? "Your regrade request for this question is still open."
          : windowRefusal(window, now);
    const regrade: RegradeView = {
      submissionId: gradedSub?.id ?? null,
      refusal,
      targets: spec.type === "proof" ? rubric.filter((r) => r.questionKey === spec.id).map((r) => r.key) : (gradedSub?.tests ?? []).map((x) => x.name),
      requests: asked.map((r) => ({
        id: r.id,
        status: r.status,
        target: r.target,
        outcome: r.outcome,
        createdAt: r.createdAt.toISOString(),
        messages: r.messages.map((m) => ({ mine: m.authorId === userId, author: m.author?.name ?? "—", text: m.text, at: m.createdAt.toISOString() })),
      })),
    };
    const extra: Partial<StudentQuestion> = {};
    if (pub.type === "numeric" && spec.type === "numeric") {
      extra.html = renderMarkdown(fillPlaceholders(pub.promptSource ?? "", numericParams(content.files, spec, key)));
    }
    if (pub.type === "multiple-choice" && spec.type === "multiple-choice") {
      const order = shuffledOptionIds(spec, key);
      extra.optionsHtml = order.map((id) => ({ id, html: renderMarkdown(pub.options.find((o) => o.id === id)!.text).replace(/^<p>|<\/p>\n?$/g, "") }));
    }
    return {
      ...pub,
      ...extra,
      draft: draft ? { content: draft.content, updatedAt: draft.updatedAt.toISOString() } : null,
      history: mine,
      attemptsUsed: used,
      attemptsLeft: attemptsLeft(used, limits.maxAttempts),
      nextAttempt: nextAttempt(spec, used, limits.maxAttempts),
      regrade,
    } as StudentQuestion;
  });
  return {
    statement: statementHtml(content, locale),
    questions,
    deadlines,
    extension: extension ? { dueAt: extension.dueAt } : null,
    accommodationDays: enrollment?.accommodationDays ?? 0,
    lateDays,
    timing,
    canSubmit: isStaff || timing.open || lateDaysCanOpen,
  };
}

function nextAttempt(spec: QuestionSpec, used: number, maxAttempts: number | undefined): StudentQuestion["nextAttempt"] {
  const rule = spec.type === "numeric" || spec.type === "multiple-choice" ? (spec.credit ?? null) : null;
  if (!rule || (maxAttempts !== undefined && used >= maxAttempts)) return null;
  return { number: used + 1, max: maxAttempts ?? null, creditPercent: Math.round(attemptCredit(used + 1, rule) * 100) };
}
