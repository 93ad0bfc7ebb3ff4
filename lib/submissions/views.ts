// What a student sees of their own submissions: status (queued with position, running, graded,
// failed, awaiting grading), the score after the late penalty as the gradebook applies it (an
// extension covering the submission removes it: lib/grades/late), and the report redacted per
// test visibility. Staff of the course see everything.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { redactReport, type GradeReport } from "@/grader/bundle-safe";
import { queuePosition } from "@/lib/queue/jobs";
import { afterLatePenalty, lateOutcome, type LateContext } from "@/lib/grades/late";
import { figuresOf, type FigureView } from "@/lib/submissions/figures";

export type SubmissionStatus = "queued" | "running" | "graded" | "failed" | "awaiting_grading";

export type SubmissionView = {
  id: string;
  kind: "SUBMIT" | "RUN";
  questionKey: string;
  createdAt: string;
  late: boolean;
  status: SubmissionStatus;
  position?: number;
  score?: number;
  rawScore?: number;
  maxScore?: number;
  gradeStatus?: string;
  tests?: GradeReport["tests"];
  output?: string;
  error?: string;
  manual?: { score: number; comment: string; items: { description: string; points: number }[] };
  code?: string | null;
  answer?: unknown;
  /** The student's spectrum of a visible data set and the reference, when the tests recorded them. */
  plot?: { yours: number[]; reference: number[] };
  /** Every figure the graded run recorded (spectra, fitted fraction per group count, training curves...). */
  figures?: FigureView[];
};

function plotOf(report: GradeReport): SubmissionView["plot"] | undefined {
  const r = report.records;
  const nums = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === "number") ? (v as number[]) : null);
  const yours = nums(r?.eigenvalues);
  const reference = nums(r?.referenceEigenvalues);
  return yours && reference ? { yours, reference } : undefined;
}

const include = {
  jobs: { orderBy: { createdAt: "desc" as const } },
  gradings: { orderBy: { gradedAt: "desc" as const }, take: 1 },
  manualGrading: { include: { items: { include: { rubricItem: true } } } },
  assignment: true,
};

type Row = NonNullable<Awaited<ReturnType<PrismaClient["submission"]["findFirst"]>>> & {
  jobs: { id: string; status: string; lastError: string | null; createdAt: Date }[];
  gradings: { score: number; maxScore: number; status: string; report: unknown }[];
  manualGrading: { score: number; comment: string; items: { rubricItem: { description: string; points: number } }[] } | null;
  assignment: { id: string; latePenalty: number; dueAt: Date };
};

/** The late rule for one student's submissions to one assignment. */
async function lateContextOf(db: PrismaClient, userId: string, assignment: { id: string; latePenalty: number }): Promise<LateContext> {
  const ext = await db.extension.findUnique({ where: { userId_assignmentId: { userId, assignmentId: assignment.id } }, select: { dueAt: true } });
  return { penalty: assignment.latePenalty, extensionDueAt: ext?.dueAt ?? null };
}

export async function toView(
  db: PrismaClient,
  s: Row,
  opts: { duePassed: boolean; withContent: boolean; staff: boolean; lateCtx: LateContext },
): Promise<SubmissionView> {
  const late = lateOutcome(s, opts.lateCtx);
  const base = {
    id: s.id,
    kind: s.kind,
    questionKey: s.questionKey,
    createdAt: s.createdAt.toISOString(),
    late: late.late,
    ...(opts.withContent ? { code: s.code, answer: s.answer } : {}),
  };
  const grading = s.gradings[0];
  const job = s.jobs[0];
  if (grading) {
    const report = grading.report as GradeReport;
    const shown = opts.staff ? report : redactReport(report, { duePassed: opts.duePassed });
    const score = s.kind === "SUBMIT" ? afterLatePenalty(grading.score, late) : grading.score;
    const plot = plotOf(report);
    const figures = figuresOf(report.records);
    return {
      ...(plot ? { plot } : {}),
      ...(figures.length ? { figures } : {}),
      ...base,
      status: "graded",
      score,
      rawScore: grading.score,
      maxScore: grading.maxScore,
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
  const lateCtx = await lateContextOf(db, s.userId, s.assignment);
  return { row: s, view: await toView(db, s as Row, { ...opts, withContent: true, lateCtx }) };
}

/** A student's submissions to one assignment, newest first, per question. */
export async function historyOf(db: PrismaClient, userId: string, assignmentId: string, opts: { duePassed: boolean; staff: boolean }) {
  const rows = await db.submission.findMany({ where: { userId, assignmentId }, include, orderBy: { createdAt: "desc" }, take: 200 });
  const first = rows[0];
  if (!first) return [];
  const lateCtx = await lateContextOf(db, userId, first.assignment);
  return Promise.all(rows.map((r) => toView(db, r as Row, { ...opts, withContent: true, lateCtx })));
}
