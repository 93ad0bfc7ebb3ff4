// The gradebook, computed in one place for the page, the CSV export and the tests. Policy:
// - only SUBMIT submissions count (RUN never does), and only those with a result (an auto-grading
//   — the newest Grading row per submission wins, so a regrade replaces the old score — or a
//   manual grading for proofs);
// - per question, the assignment's policy picks one submission: BEST = the highest score after
//   the late penalty, LATEST = the most recent one with a result;
// - a submission is late when it was flagged late at submit time and was still after the
//   student's due date as it stands now (an extension granted afterwards removes the penalty);
//   a late score loses assignment.latePenalty of itself;
// - scores are scaled to the current version's points when the submission's version had others;
// - the newest GradeOverride of a (student, assignment, question) replaces the computed score;
// - an assignment total is empty (null) when the student has neither a counted submission nor an
//   override in it, otherwise the sum of its questions (missing ones count 0).
import type { GradePolicy, PrismaClient, QuestionType } from "@/lib/generated/prisma/client";
import { applyLatePenalty } from "@/lib/submissions/policy";
import { staffAssignments } from "@/lib/staff/course-data";

export type GradebookQuestion = { key: string; title: string; type: QuestionType; points: number };
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
  override: OverrideInfo | null;
};
export type AssignmentResult = { total: number | null; max: number; cells: QuestionCell[]; extensionDueAt: Date | null };
export type GradebookRow = { student: GradebookStudent; results: Map<string, AssignmentResult>; total: number; max: number };
export type Gradebook = { assignments: GradebookAssignment[]; rows: GradebookRow[]; sections: string[] };

/** `userIds`: only these people's rows (then `sections` lists only theirs); `includeStaff`: rows for
 *  TAs and instructors too (a staff member's own view of the course); `includeDropped`: people
 *  dropped from the course too (their work is kept; asked for by userIds they are always found). */
export type GradebookOptions = { section?: string | null | undefined; assignmentSlug?: string | undefined; userIds?: string[] | undefined; includeStaff?: boolean; includeDropped?: boolean };

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

type Candidate = { id: string; createdAt: Date; raw: number; final: number; late: boolean; penalty: number; gradedAt: Date; grader: string | null; versionNumber: number };

export async function computeGradebook(db: PrismaClient, courseId: string, options: GradebookOptions = {}): Promise<Gradebook> {
  const assignmentRows = await staffAssignments(db, courseId, options.assignmentSlug);
  const assignments: GradebookAssignment[] = assignmentRows.map((a) => {
    const questions = (a.currentVersion?.questions ?? []).map((q) => ({ key: q.key, title: q.title, type: q.type, points: q.points }));
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
    };
  });

  const allStudents = await db.enrollment.findMany({
    where: { courseId, ...(options.includeStaff ? {} : { role: "STUDENT" as const }), ...(options.includeDropped || options.userIds ? {} : { droppedAt: null }), ...(options.userIds ? { userId: { in: options.userIds } } : {}) },
    include: { user: { select: { id: true, name: true, email: true, studentId: true } } },
  });
  const sections = [...new Set(allStudents.map((e) => e.section).filter((s): s is string => Boolean(s)))].sort();
  const enrollments = allStudents
    .filter((e) => (options.section ? e.section === options.section : true))
    .sort((x, y) => x.user.name.localeCompare(y.user.name, "en") || x.user.email.localeCompare(y.user.email));
  const userIds = enrollments.map((e) => e.userId);
  const assignmentIds = assignments.map((a) => a.id);

  const [submissions, overrides, extensions] = await Promise.all([
    db.submission.findMany({
      where: { assignmentId: { in: assignmentIds }, userId: { in: userIds }, kind: "SUBMIT" },
      select: {
        id: true,
        userId: true,
        assignmentId: true,
        questionKey: true,
        createdAt: true,
        late: true,
        version: { select: { number: true } },
        question: { select: { points: true } },
        gradings: { orderBy: { gradedAt: "desc" }, take: 1, select: { score: true, maxScore: true, gradedAt: true } },
        manualGrading: { select: { score: true, updatedAt: true, grader: { select: { email: true } } } },
        jobs: { select: { status: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
    db.gradeOverride.findMany({
      where: { assignmentId: { in: assignmentIds }, userId: { in: userIds } },
      orderBy: { createdAt: "asc" },
    }),
    db.extension.findMany({ where: { assignmentId: { in: assignmentIds }, userId: { in: userIds } } }),
  ]);

  // GradeOverride keeps only the author's id (no relation), so their emails come in one query.
  const authorIds = [...new Set(overrides.map((o) => o.createdById).filter((x): x is string => Boolean(x)))];
  const authors = new Map((await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const key = (u: string, a: string, q = "") => `${u}\u0000${a}\u0000${q}`;
  const byCell = new Map<string, typeof submissions>();
  for (const s of submissions) {
    const k = key(s.userId, s.assignmentId, s.questionKey);
    const list = byCell.get(k);
    if (list) list.push(s);
    else byCell.set(k, [s]);
  }
  const overrideOf = new Map<string, (typeof overrides)[number]>();
  for (const o of overrides) overrideOf.set(key(o.userId, o.assignmentId, o.questionKey), o); // newest last wins
  const extensionOf = new Map(extensions.map((e) => [key(e.userId, e.assignmentId), e]));

  const rows: GradebookRow[] = enrollments.map((e) => {
    const results = new Map<string, AssignmentResult>();
    let total = 0;
    let max = 0;
    for (const a of assignments) {
      const ext = extensionOf.get(key(e.userId, a.id)) ?? null;
      const cells = a.questions.map((q) => buildCell(a, q, byCell.get(key(e.userId, a.id, q.key)) ?? [], ext?.dueAt ?? null, overrideOf.get(key(e.userId, a.id, q.key)) ?? null));
      const counted = cells.filter((c) => c.score !== null);
      const aTotal = counted.length ? round6(counted.reduce((s, c) => s + (c.score ?? 0), 0)) : null;
      results.set(a.id, { total: aTotal, max: a.points, cells, extensionDueAt: ext?.dueAt ?? null });
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
    extensionDue: Date | null,
    override: (typeof overrides)[number] | null,
  ): QuestionCell {
    const candidates: Candidate[] = [];
    let newestUnscored: Date | null = null;
    for (const s of subs) {
      const grading = s.gradings[0];
      let raw: number | null = null;
      let gradedAt: Date | null = null;
      let grader: string | null = null;
      if (q.type === "PROOF") {
        if (s.manualGrading) {
          raw = Math.min(s.manualGrading.score, q.points);
          gradedAt = s.manualGrading.updatedAt;
          grader = s.manualGrading.grader?.email ?? null;
        }
      } else if (grading) {
        raw = grading.maxScore > 0 && grading.maxScore !== q.points ? (grading.score / grading.maxScore) * q.points : grading.score;
        gradedAt = grading.gradedAt;
      }
      if (raw === null || gradedAt === null) {
        const failed = s.jobs.length > 0 && s.jobs.every((j) => j.status === "FAILED");
        if (!failed) newestUnscored = s.createdAt;
        continue;
      }
      raw = round6(raw);
      const late = s.late && (extensionDue === null || s.createdAt > extensionDue);
      const final = applyLatePenalty(raw, late, a.latePenalty);
      candidates.push({ id: s.id, createdAt: s.createdAt, raw, final, late, penalty: round6(raw - final), gradedAt, grader, versionNumber: s.version.number });
    }
    let chosen: Candidate | null = null;
    for (const c of candidates) {
      if (!chosen) chosen = c;
      else if (a.policy === "LATEST" ? c.createdAt >= chosen.createdAt : c.final > chosen.final) chosen = c;
    }
    const cell: QuestionCell = {
      questionKey: q.key,
      points: q.points,
      score: chosen ? chosen.final : null,
      rawScore: chosen ? chosen.raw : null,
      penaltyPoints: chosen ? chosen.penalty : 0,
      late: chosen?.late ?? false,
      submissionId: chosen?.id ?? null,
      submittedAt: chosen?.createdAt ?? null,
      gradedAt: chosen?.gradedAt ?? null,
      grader: chosen?.grader ?? null,
      versionNumber: chosen?.versionNumber ?? null,
      pending: newestUnscored !== null && (!chosen || newestUnscored > chosen.createdAt),
      attempts: subs.length,
      override: null,
    };
    if (override) {
      const by = override.createdById ? (authors.get(override.createdById) ?? null) : null;
      cell.override = { score: override.score, reason: override.reason, by, at: override.createdAt, computed: cell.score };
      cell.score = override.score;
      cell.gradedAt = override.createdAt;
      cell.grader = by;
    }
    return cell;
  }
}
