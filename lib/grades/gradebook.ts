// The gradebook, computed in one place for the page, the CSV export, the course home and the
// tests. The rules (which submission counts, late penalty with extensions, attempts, overrides,
// rescaled points) live in lib/grades; this file only gathers the facts and lays out the rows:
// only SUBMIT submissions are read, the newest Grading of each (a regrade replaces the old score)
// or its rubric grading for proofs; an assignment total is empty (null) when the student has
// neither a counted submission nor an override in it, otherwise the sum of its questions.
import type { GradePolicy, PrismaClient, QuestionType } from "@/lib/generated/prisma/client";
import { questionResult, type SubmissionFacts } from "@/lib/grades/question-result";
import type { LateContext } from "@/lib/grades/late";
import { scaledToPoints, newestOverride } from "@/lib/grades/final-score";
import { groupBy } from "@/lib/grades/counted";
import { creditRuleOf, type CreditRule } from "@/lib/grades/credit";
import { staffAssignments } from "@/lib/assignments/course-data";
import { effectiveDeadlines, type ExtensionDates } from "@/lib/submissions/policy";
import { scoreReleased, type ReleaseFacts } from "@/lib/grades/release";
import { lateDaysCoverUntil } from "@/lib/grades/late-days";

export type GradebookQuestion = { key: string; title: string; type: QuestionType; points: number; credit: CreditRule | null; config: unknown };
export type GradebookAssignment = {
  id: string;
  slug: string;
  title: string;
  policy: GradePolicy;
  dueAt: Date;
  lateUntil: Date | null;
  latePenalty: number;
  points: number;
  versionNumber: number;
  questions: GradebookQuestion[];
  release: ReleaseFacts;
};
export type GradebookStudent = { userId: string; name: string; email: string; studentId: string | null; section: string | null };
export type OverrideInfo = { score: number; reason: string; by: string | null; at: Date; computed: number | null };
export type QuestionCell = {
  questionKey: string;
  points: number;
  /** The counted score (after penalty and override), or null with no submission. */
  score: number | null;
  /** Score before the late penalty. */
  rawScore: number | null;
  penaltyPoints: number;
  late: boolean;
  submissionId: string | null;
  submittedAt: Date | null;
  gradedAt: Date | null;
  /** Email of the person who graded it (manual grading or override). */
  grader: string | null;
  versionNumber: number | null;
  /** A newer submission is waiting for its result. */
  pending: boolean;
  attempts: number;
  /** Under declining credit: the counted attempt's number and the fraction it could earn. */
  attempt: { number: number; credit: number } | null;
  override: OverrideInfo | null;
  /** The counted submission came after the due date and late days covered it (no penalty). */
  lateDays: boolean;
  /** Whether the student may see this score now (lib/grades/release: gradeRelease, Publish). */
  released: boolean;
};
/** `dueAt`/`lateUntil`: the student's own deadlines (extension, accommodation); `lateDaysSpent` on this assignment. */
export type AssignmentResult = {
  total: number | null;
  max: number;
  cells: QuestionCell[];
  extensionDueAt: Date | null;
  extension: ExtensionDates;
  dueAt: Date;
  lateUntil: Date | null;
  lateDaysSpent: number;
};
export type GradebookRow = { student: GradebookStudent; results: Map<string, AssignmentResult>; total: number; max: number };
export type Gradebook = { assignments: GradebookAssignment[]; rows: GradebookRow[]; sections: string[] };

/** `userIds`: only these people's rows (then `sections` lists only theirs); `includeStaff`: rows for
 *  TAs and instructors too (a staff member's own view of the course); `includeDropped`: people
 *  dropped from the course too (their work is kept; asked for by userIds they are always found). */
export type GradebookOptions = {
  section?: string | null | undefined;
  assignmentSlug?: string | undefined;
  userIds?: string[] | undefined;
  includeStaff?: boolean;
  includeDropped?: boolean;
};

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export async function computeGradebook(db: PrismaClient, termId: string, options: GradebookOptions = {}): Promise<Gradebook> {
  const assignmentRows = await staffAssignments(db, termId, options.assignmentSlug);
  const assignments: GradebookAssignment[] = assignmentRows.map((a) => {
    const questions = (a.currentVersion?.questions ?? []).map((q) => ({
      key: q.key,
      title: q.title,
      type: q.type,
      points: q.points,
      credit: creditRuleOf(q.config),
      config: q.config as unknown,
    }));
    return {
      id: a.id,
      slug: a.slug,
      title: a.title,
      policy: a.policy,
      dueAt: a.dueAt,
      lateUntil: a.lateUntil,
      latePenalty: a.latePenalty,
      points: round6(questions.reduce((s, q) => s + q.points, 0)),
      versionNumber: a.currentVersion?.number ?? 0,
      questions,
      release: { gradeRelease: a.gradeRelease, hideScoresUntilRelease: a.hideScoresUntilRelease, gradesPublishedAt: a.gradesPublishedAt },
    };
  });

  const allStudents = await db.enrollment.findMany({
    where: {
      termId,
      ...(options.includeStaff ? {} : { role: "STUDENT" as const }),
      ...(options.includeDropped || options.userIds ? {} : { droppedAt: null }),
      ...(options.userIds ? { userId: { in: options.userIds } } : {}),
    },
    include: { user: { select: { id: true, name: true, email: true, studentId: true } } },
  });
  const sections = [...new Set(allStudents.map((e) => e.section).filter((s): s is string => Boolean(s)))].sort();
  const enrollments = allStudents
    .filter((e) => (options.section ? e.section === options.section : true))
    .sort((x, y) => x.user.name.localeCompare(y.user.name, "en") || x.user.email.localeCompare(y.user.email));
  const userIds = enrollments.map((e) => e.userId);
  const assignmentIds = assignments.map((a) => a.id);

  const [submissions, overrides, extensions, spends, term] = await Promise.all([
    db.submission.findMany({
      where: { assignmentId: { in: assignmentIds }, userId: { in: userIds }, kind: "SUBMIT" },
      select: {
        id: true,
        userId: true,
        assignmentId: true,
        questionKey: true,
        kind: true,
        createdAt: true,
        late: true,
        version: { select: { number: true } },
        question: { select: { points: true } },
        gradings: { orderBy: { gradedAt: "desc" }, take: 1, select: { score: true, maxScore: true, gradedAt: true, version: { select: { number: true } } } },
        manualGrading: { select: { score: true, updatedAt: true, grader: { select: { email: true } } } },
        jobs: { select: { status: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
    db.gradeOverride.findMany({
      where: { assignmentId: { in: assignmentIds }, userId: { in: userIds } },
      include: { createdBy: { select: { email: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.extension.findMany({ where: { assignmentId: { in: assignmentIds }, userId: { in: userIds } } }),
    db.lateDaySpend.findMany({ where: { assignmentId: { in: assignmentIds }, enrollmentId: { in: enrollments.map((e) => e.id) } } }),
    db.term.findUniqueOrThrow({ where: { id: termId }, select: { course: { select: { lateDayHours: true } } } }),
  ]);

  const key = (u: string, a: string, q = "") => `${u}\u0000${a}\u0000${q}`;
  const byCell = groupBy(submissions, (s) => key(s.userId, s.assignmentId, s.questionKey));
  const overrideOf = new Map([...groupBy(overrides, (o) => key(o.userId, o.assignmentId, o.questionKey))].map(([k, list]) => [k, newestOverride(list)!]));
  const extensionOf = new Map(extensions.map((e) => [key(e.userId, e.assignmentId), e]));
  const spentOf = new Map(spends.map((x) => [key(x.enrollmentId, x.assignmentId), x.days]));

  const rows: GradebookRow[] = enrollments.map((e) => {
    const results = new Map<string, AssignmentResult>();
    let total = 0;
    let max = 0;
    for (const a of assignments) {
      const ext = extensionOf.get(key(e.userId, a.id)) ?? null;
      // Precedence (lib/grades/late): the student's own due date (extension or accommodation),
      // then the late days they spent here, then the late penalty.
      const own = effectiveDeadlines(a, ext ? { dueAt: ext.dueAt, lateUntil: ext.lateUntil } : null, e.accommodationDays);
      const spent = spentOf.get(key(e.id, a.id)) ?? 0;
      const lateCtx: LateContext = {
        penalty: a.latePenalty,
        extensionDueAt: own.dueAt.getTime() !== a.dueAt.getTime() ? own.dueAt : null,
        lateDaysUntil: lateDaysCoverUntil(own.dueAt, spent, term.course.lateDayHours),
      };
      const cells = a.questions.map((q) =>
        buildCell(a, q, byCell.get(key(e.userId, a.id, q.key)) ?? [], lateCtx, overrideOf.get(key(e.userId, a.id, q.key)) ?? null),
      );
      const counted = cells.filter((c) => c.score !== null);
      const aTotal = counted.length ? round6(counted.reduce((s, c) => s + (c.score ?? 0), 0)) : null;
      results.set(a.id, {
        total: aTotal,
        max: a.points,
        cells,
        extensionDueAt: ext?.dueAt ?? null,
        extension: ext ? { dueAt: ext.dueAt, lateUntil: ext.lateUntil } : null,
        dueAt: own.dueAt,
        lateUntil: own.lateUntil,
        lateDaysSpent: spent,
      });
      total += aTotal ?? 0;
      max += a.points;
    }
    return {
      student: { userId: e.userId, name: e.user.name, email: e.user.email, studentId: e.user.studentId, section: e.section },
      results,
      total: round6(total),
      max: round6(max),
    };
  });
  return { assignments, rows, sections };

  function buildCell(
    a: GradebookAssignment,
    q: GradebookQuestion,
    subs: typeof submissions,
    lateCtx: LateContext,
    override: (typeof overrides)[number] | null,
  ): QuestionCell {
    const facts: SubmissionFacts[] = subs.map((s) => {
      const grading = s.gradings[0];
      let result: SubmissionFacts["result"] = null;
      if (q.type === "PROOF") {
        if (s.manualGrading)
          result = {
            raw: Math.min(s.manualGrading.score, q.points),
            gradedAt: s.manualGrading.updatedAt,
            grader: s.manualGrading.grader?.email ?? null,
            versionNumber: s.version.number,
          };
      } else if (grading) {
        result = { raw: scaledToPoints(grading, q.points), gradedAt: grading.gradedAt, grader: null, versionNumber: grading.version.number };
      }
      return { id: s.id, kind: s.kind, createdAt: s.createdAt, late: s.late, result, jobStatuses: s.jobs.map((j) => j.status) };
    });
    const r = questionResult(a.policy, lateCtx, facts, override, q.credit);
    const chosen = r.counted;
    const cell: QuestionCell = {
      questionKey: q.key,
      points: q.points,
      score: r.score,
      rawScore: r.rawScore,
      penaltyPoints: r.penaltyPoints,
      late: r.late,
      submissionId: chosen?.id ?? null,
      submittedAt: chosen?.createdAt ?? null,
      gradedAt: chosen?.result?.gradedAt ?? null,
      grader: chosen?.result?.grader ?? null,
      versionNumber: chosen?.result?.versionNumber ?? null,
      pending: r.pending,
      attempts: r.attempts,
      attempt: r.attempt,
      override: null,
      lateDays: r.lateDays,
      released: scoreReleased(a.release, q.config, q.type === "PROOF" || override !== null),
    };
    if (override) {
      const by = override.createdBy?.email ?? null;
      cell.override = { score: override.score, reason: override.reason, by, at: override.createdAt, computed: r.computed };
      cell.gradedAt = override.createdAt;
      cell.grader = by;
    }
    return cell;
  }
}

/** Per question key, each student's counted submission (lib/grades' choice, as the gradebook
 *  shows it) of one assignment: what analytics and similarity look at. */
export async function countedSubmissionIds(
  db: PrismaClient,
  termId: string,
  assignmentSlug: string,
): Promise<Map<string, { userId: string; submissionId: string }[]>> {
  const book = await computeGradebook(db, termId, { assignmentSlug });
  const out = new Map<string, { userId: string; submissionId: string }[]>();
  const a = book.assignments[0];
  if (!a) return out;
  for (const q of a.questions) out.set(q.key, []);
  for (const row of book.rows) {
    for (const c of row.results.get(a.id)?.cells ?? [])
      if (c.submissionId) out.get(c.questionKey)?.push({ userId: row.student.userId, submissionId: c.submissionId });
  }
  return out;
}

/**
 * The gradebook as students (and, by default, the export) may see it: scores not yet released
 * (lib/grades/release) are empty and left out of the totals.
 */
export function releasedOnly(book: Gradebook): Gradebook {
  const rows = book.rows.map((row) => {
    const results = new Map<string, AssignmentResult>();
    let total = 0;
    for (const [id, r] of row.results) {
      const cells = r.cells.map((c) => (c.released ? c : { ...c, score: null, rawScore: null, penaltyPoints: 0, override: null }));
      const counted = cells.filter((c) => c.score !== null);
      const aTotal = counted.length ? round6(counted.reduce((s, c) => s + (c.score ?? 0), 0)) : null;
      results.set(id, { ...r, cells, total: aTotal });
      total += aTotal ?? 0;
    }
    return { ...row, results, total: round6(total) };
  });
  return { ...book, rows };
}
