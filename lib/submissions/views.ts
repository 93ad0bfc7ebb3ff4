// What a student sees of their own submissions: status (queued with position, running, graded,
// failed, awaiting grading), the score after the late penalty as the gradebook applies it (an
// extension covering the submission removes it: lib/grades/late), and the report redacted per
// test visibility. Staff of the course see everything. Under declining credit (lib/grades/credit)
// a SUBMIT's score is its attempt's share, numbered as the gradebook numbers it. Grades not yet
// released (lib/grades/release) show as "graded, not yet released": no score, no rubric, no comment.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { redactReport, type GradeReport } from "@/grader/bundle-safe";
import { queuePosition } from "@/lib/queue/jobs";
import { afterLatePenalty, lateOutcome, type LateContext } from "@/lib/grades/late";
import { attemptCredit, attemptNumbers, creditRuleOf, scaledByCredit } from "@/lib/grades/credit";
import { figuresOf, type FigureView } from "@/lib/submissions/figures";
import { gradesPublished, scoreReleased, type ReleaseFacts } from "@/lib/grades/release";
import { lateDaysCoverUntil } from "@/lib/grades/late-days";
import { effectiveDeadlines } from "@/lib/submissions/policy";

export type SubmissionStatus = "queued" | "running" | "graded" | "failed" | "awaiting_grading";

export type SubmissionView = {
  id: string;
  kind: "SUBMIT" | "RUN";
  questionKey: string;
  createdAt: string;
  late: boolean;
  /** After the due date, covered by late days (no penalty). */
  lateDays?: boolean;
  /** Graded, but the score waits for staff to publish it. */
  unreleased?: boolean;
  status: SubmissionStatus;
  position?: number;
  score?: number;
  /** The score before the late penalty (after declining credit). */
  rawScore?: number;
  maxScore?: number;
  /** Under declining credit: this attempt's number and the fraction of the points it could earn. */
  credit?: { attempt: number; fraction: number };
  gradeStatus?: string;
  tests?: GradeReport["tests"];
  output?: string;
  error?: string;
  manual?: { score: number; comment: string; items: { description: string; points: number }[] };
  code?: string | null;
  answer?: unknown;
  /** Every figure the graded run recorded (spectra, fitted fraction per group count, training curves...). */
  figures?: FigureView[];
};

const include = {
  jobs: { orderBy: { createdAt: "desc" as const } },
  gradings: { orderBy: { gradedAt: "desc" as const }, take: 1 },
  manualGrading: { include: { items: { include: { rubricItem: true } } } },
  assignment: true,
  question: { select: { config: true, type: true } },
};

type Row = NonNullable<Awaited<ReturnType<PrismaClient["submission"]["findFirst"]>>> & {
  jobs: { id: string; status: string; lastError: string | null; createdAt: Date }[];
  gradings: { score: number; maxScore: number; status: string; report: unknown }[];
  manualGrading: { score: number; comment: string; items: { rubricItem: { description: string; points: number } }[] } | null;
  assignment: { id: string; termId: string; latePenalty: number; dueAt: Date; lateUntil: Date | null } & ReleaseFacts;
  question: { config: unknown; type: string };
};

type AssignmentFacts = Row["assignment"];

/** The late rule for one student's submissions to one assignment, as the gradebook builds it:
 *  their own due date (extension, accommodation), then the late days they spent, then the penalty. */
async function lateContextOf(db: PrismaClient, userId: string, assignment: AssignmentFacts): Promise<LateContext> {
  const [ext, enrollment, term] = await Promise.all([
    db.extension.findUnique({ where: { userId_assignmentId: { userId, assignmentId: assignment.id } }, select: { dueAt: true, lateUntil: true } }),
    db.enrollment.findUnique({
      where: { userId_termId: { userId, termId: assignment.termId } },
      select: { accommodationDays: true, lateDaySpends: { where: { assignmentId: assignment.id }, select: { days: true } } },
    }),
    db.term.findUniqueOrThrow({ where: { id: assignment.termId }, select: { course: { select: { lateDayHours: true } } } }),
  ]);
  const own = effectiveDeadlines(assignment, ext, enrollment?.accommodationDays ?? 0);
  const spent = enrollment?.lateDaySpends[0]?.days ?? 0;
  return {
    penalty: assignment.latePenalty,
    extensionDueAt: own.dueAt.getTime() !== assignment.dueAt.getTime() ? own.dueAt : null,
    lateDaysUntil: lateDaysCoverUntil(own.dueAt, spent, term.course.lateDayHours),
  };
}

type CreditOf = (submissionId: string) => { attempt: number; fraction: number } | null;

/** Each SUBMIT's declining credit: the current version's rule per question, attempts numbered
 *  over all the student's submissions to that question (as the gradebook numbers them). */
async function creditOfSubmissions(db: PrismaClient, userId: string, assignmentId: string): Promise<CreditOf> {
  const a = await db.assignment.findUnique({
    where: { id: assignmentId },
    select: { currentVersion: { select: { questions: { select: { key: true, config: true } } } } },
  });
  const rules = new Map((a?.currentVersion?.questions ?? []).map((q) => [q.key, creditRuleOf(q.config)] as const).filter(([, r]) => r !== null));
  if (!rules.size) return () => null;
  const subs = await db.submission.findMany({
    where: { userId, assignmentId, kind: "SUBMIT", questionKey: { in: [...rules.keys()] } },
    select: {
      id: true,
      kind: true,
      createdAt: true,
      questionKey: true,
      jobs: { select: { status: true } },
      _count: { select: { gradings: true } },
      manualGrading: { select: { id: true } },
    },
  });
  const out = new Map<string, { attempt: number; fraction: number }>();
  for (const [key, rule] of rules) {
    const facts = subs
      .filter((s) => s.questionKey === key)
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        createdAt: s.createdAt,
        hasResult: s._count.gradings > 0 || s.manualGrading !== null,
        jobStatuses: s.jobs.map((j) => j.status),
      }));
    for (const [id, k] of attemptNumbers(facts)) out.set(id, { attempt: k, fraction: attemptCredit(k, rule) });
  }
  return (id) => out.get(id) ?? null;
}

export async function toView(
  db: PrismaClient,
  s: Row,
  opts: { duePassed: boolean; withContent: boolean; staff: boolean; lateCtx: LateContext; creditOf: CreditOf },
): Promise<SubmissionView> {
  const late = lateOutcome(s, opts.lateCtx);
  const credit = s.kind === "SUBMIT" ? opts.creditOf(s.id) : null;
  const credited = (x: number) => scaledByCredit(x, credit?.fraction ?? 1);
  const base = {
    id: s.id,
    kind: s.kind,
    questionKey: s.questionKey,
    createdAt: s.createdAt.toISOString(),
    late: late.late,
    ...(late.lateDays ? { lateDays: true } : {}),
    ...(opts.withContent ? { code: s.code, answer: s.answer } : {}),
  };
  const grading = s.gradings[0];
  const job = s.jobs[0];
  // A Run is practice against visible tests: its result is never held back.
  const released = opts.staff || s.kind === "RUN" || scoreReleased(s.assignment, s.question.config, s.question.type === "PROOF");
  if ((grading || (!job && s.manualGrading)) && !released) {
    const output = grading ? (grading.report as GradeReport).output : undefined;
    return { ...base, status: "graded", unreleased: true, ...(output !== undefined ? { output } : {}) };
  }
  if (grading) {
    const report = grading.report as GradeReport;
    const shown = opts.staff ? report : redactReport(report, { duePassed: opts.duePassed, published: gradesPublished(s.assignment) });
    const score = s.kind === "SUBMIT" ? afterLatePenalty(credited(grading.score), late) : grading.score;
    const figures = figuresOf(report.records);
    return {
      ...(figures.length ? { figures } : {}),
      ...base,
      status: "graded",
      score,
      rawScore: credited(grading.score),
      maxScore: grading.maxScore,
      ...(credit ? { credit } : {}),
      gradeStatus: grading.status,
      tests: shown.tests,
      ...(shown.output !== undefined ? { output: shown.output } : {}),
    };
  }
  if (!job) {
    const m = s.manualGrading;
    return {
      ...base,
      status: m ? "graded" : "awaiting_grading",
      ...(m
        ? {
            score: afterLatePenalty(m.score, late),
            rawScore: m.score,
            manual: { score: m.score, comment: m.comment, items: m.items.map((i) => ({ description: i.rubricItem.description, points: i.rubricItem.points })) },
          }
        : {}),
    };
  }
  if (job.status === "FAILED") {
    return { ...base, status: "failed", error: "Grading failed on our side (not your code). It does not count as an attempt; course staff can retry it." };
  }
  if (job.status === "QUEUED") {
    const position = await queuePosition(db, job.id);
    return { ...base, status: "queued", ...(position !== null ? { position } : {}) };
  }
  return { ...base, status: "running" };
}

export async function submissionView(db: PrismaClient, id: string, opts: { duePassed: boolean; staff: boolean }) {
  const s = await db.submission.findUnique({ where: { id }, include });
  if (!s) return null;
  const [lateCtx, creditOf] = await Promise.all([
    lateContextOf(db, s.userId, s.assignment as AssignmentFacts),
    creditOfSubmissions(db, s.userId, s.assignmentId),
  ]);
  return { row: s, view: await toView(db, s as Row, { ...opts, withContent: true, lateCtx, creditOf }) };
}

/** A student's submissions to one assignment, newest first, per question. */
export async function historyOf(db: PrismaClient, userId: string, assignmentId: string, opts: { duePassed: boolean; staff: boolean }) {
  const rows = await db.submission.findMany({ where: { userId, assignmentId }, include, orderBy: { createdAt: "desc" }, take: 200 });
  const first = rows[0];
  if (!first) return [];
  const [lateCtx, creditOf] = await Promise.all([
    lateContextOf(db, userId, first.assignment as AssignmentFacts),
    creditOfSubmissions(db, userId, assignmentId),
  ]);
  return Promise.all(rows.map((r) => toView(db, r as Row, { ...opts, withContent: true, lateCtx, creditOf })));
}
