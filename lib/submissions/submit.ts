// Submit (and Run): every check a submission must pass — the question exists and is open for this
// student (release, due date, late window, extension), the answer's shape and size, one in flight
// per question, attempts and the rate limit — then the submission and its grading job in one
// transaction. Checks run under a per-(student, question) advisory lock so that two requests at once
// (a double click, two tabs) cannot both slip through. After the due date, late days are spent here
// (lib/grades/late-days.ts) under a second lock on the student's budget, so two submissions at
// once (two questions, two tabs) cannot spend the same day twice.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { QuestionSpec } from "@/lib/assignments/schema";
import { parseVersionContent } from "@/lib/assignments/version-content";
import { newGradingSeed } from "@/grader/bundle-safe";
import { MAX_JOB_ATTEMPTS, PRIORITY, notifyWorkers } from "@/lib/queue/jobs";
import { HttpError, retryAfter } from "@/lib/http/http-error";
import { normalizeAnswer } from "@/lib/submissions/answer-shape";
import { attemptsUsed } from "@/lib/grades/attempts";
import { isReleasedTo } from "@/lib/grades/release";
import { effectiveDeadlines, questionLimits, submissionTiming, type Limits } from "@/lib/submissions/policy";
import { decideLateDays, lateDayAccount, lateDayLockKey, lateDaysNeeded } from "@/lib/grades/late-days";

export type SubmitInput = {
  userId: string;
  courseId: string;
  assignmentSlug: string;
  questionKey: string;
  kind: "SUBMIT" | "RUN";
  code?: unknown;
  answer?: unknown;
  clientToken?: string | undefined;
  isStaff: boolean;
  embedded: boolean;
  now?: Date;
};

/** `lateDays`: late days this submission spent (0 when none). */
export type SubmitResult = { submissionId: string; jobId: string | null; late: boolean; duplicate: boolean; lateDays?: number };

const RUN_LIMIT: Limits = { perWindow: 30, windowMinutes: 10 };

function minutesText(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** The submission an earlier request with the same clientToken made, as submit() answered it. */
async function duplicateOf(db: PrismaClient | Prisma.TransactionClient, userId: string, clientToken: string | undefined) {
  if (!clientToken) return null;
  const dup = await db.submission.findUnique({ where: { userId_clientToken: { userId, clientToken } }, include: { jobs: true } });
  return dup ? { submissionId: dup.id, jobId: dup.jobs[0]?.id ?? null, late: dup.late, duplicate: true } : null;
}

export async function submit(db: PrismaClient, input: SubmitInput): Promise<SubmitResult> {
  const now = input.now ?? new Date();
  const assignment = await db.assignment.findUnique({
    where: { courseId_slug: { courseId: input.courseId, slug: input.assignmentSlug } },
    include: { currentVersion: { include: { questions: true } } },
  });
  if (!assignment || !assignment.currentVersion || !isReleasedTo(assignment, input, now)) {
    throw new HttpError(404, "No such assignment.");
  }
  const version = assignment.currentVersion;
  const row = version.questions.find((q) => q.key === input.questionKey);
  const content = parseVersionContent(version.content, `version ${version.number} of "${assignment.slug}"`);
  const spec = content.spec.questions.find((q: QuestionSpec) => q.id === input.questionKey);
  if (!row || !spec) throw new HttpError(404, "No such question in this assignment.");
  if (input.kind === "RUN" && spec.type !== "code") throw new HttpError(400, "Only code questions can be run against visible tests.");
  const { code, answer } = normalizeAnswer(spec, { code: input.code, answer: input.answer });

  // A retried request (same clientToken) gets its first answer, even after the deadline has passed.
  const earlier = await duplicateOf(db, input.userId, input.clientToken);
  if (earlier) return earlier;

  const [extension, enrollment, course] = await Promise.all([
    db.extension.findUnique({ where: { userId_assignmentId: { userId: input.userId, assignmentId: assignment.id } } }),
    db.enrollment.findUnique({ where: { userId_courseId: { userId: input.userId, courseId: input.courseId } } }),
    db.course.findUniqueOrThrow({ where: { id: input.courseId }, select: { lateDayCount: true } }),
  ]);
  const deadlines = effectiveDeadlines(assignment, extension, enrollment?.accommodationDays ?? 0);
  const timing = submissionTiming(deadlines, now);
  // Late days may cover a SUBMIT after the due date, even past the late window (precedence:
  // extension, then late days, then the penalty); whether they do is decided under the lock.
  const lateDaysMayCover =
    input.kind === "SUBMIT" &&
    !input.isStaff &&
    enrollment !== null &&
    now > deadlines.dueAt &&
    now >= assignment.releaseAt &&
    assignment.maxLateDays !== 0 &&
    course.lateDayCount + enrollment.extraLateDays > 0;
  const late = timing.open ? timing.late : lateDaysMayCover;
  if (input.kind === "SUBMIT" && !input.isStaff && !timing.open && !lateDaysMayCover) throw new HttpError(403, timing.reason);

  const limits = input.kind === "RUN" ? RUN_LIMIT : questionLimits(content.spec, input.questionKey);
  const lockKey = `${input.userId}:${assignment.id}:${input.questionKey}:${input.kind}`;

  const result = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, lockKey);
      const mine = { userId: input.userId, assignmentId: assignment.id, questionKey: input.questionKey, kind: input.kind };
      const dup = await duplicateOf(tx, input.userId, input.clientToken); // under the lock: a concurrent double click
      if (dup) return dup;
      if (spec.type !== "proof") {
        const inFlight = await tx.gradingJob.count({ where: { status: { in: ["QUEUED", "RUNNING"] }, priority: { gte: 0 }, submission: mine } });
        if (inFlight > 0)
          throw new HttpError(
            429,
            input.kind === "RUN"
              ? "Your previous run is still going; wait for its results."
              : "Your previous submission is still being graded; wait for its result.",
            retryAfter(2),
          );
      }
      if (!input.isStaff) {
        if (limits.maxAttempts !== undefined && input.kind === "SUBMIT") {
          // A submission whose grading failed on our side does not count (lib/grades/attempts).
          const mineSoFar = await tx.submission.findMany({
            where: mine,
            select: { kind: true, jobs: { select: { status: true } }, _count: { select: { gradings: true } }, manualGrading: { select: { id: true } } },
          });
          const used = attemptsUsed(
            mineSoFar.map((x) => ({ kind: x.kind, hasResult: x._count.gradings > 0 || x.manualGrading !== null, jobStatuses: x.jobs.map((j) => j.status) })),
          );
          if (used >= limits.maxAttempts) throw new HttpError(429, `You have used all ${limits.maxAttempts} attempts for this question.`);
        }
        if (limits.perWindow !== undefined && limits.windowMinutes !== undefined) {
          const windowStart = new Date(now.getTime() - limits.windowMinutes * 60_000);
          const recent = await tx.submission.findMany({
            where: { ...mine, createdAt: { gt: windowStart } },
            orderBy: { createdAt: "asc" },
            select: { createdAt: true },
          });
          if (recent.length >= limits.perWindow) {
            const pivot = recent[recent.length - limits.perWindow]!;
            const wait = Math.max(1, Math.ceil((pivot.createdAt.getTime() + limits.windowMinutes * 60_000 - now.getTime()) / 1000));
            throw new HttpError(
              429,
              `At most ${limits.perWindow} ${input.kind === "RUN" ? "runs" : "submissions"} per ${limits.windowMinutes} minutes for this question. Try again in ${minutesText(wait)}.`,
              retryAfter(wait),
            );
          }
        }
      }
      let lateDays = 0;
      if (lateDaysMayCover && enrollment) {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, lateDayLockKey(enrollment.id));
        const fresh = await tx.enrollment.findUniqueOrThrow({ where: { id: enrollment.id }, select: { id: true, courseId: true, extraLateDays: true } });
        const account = await lateDayAccount(tx, fresh);
        const spentHere = account.spent.get(assignment.id) ?? 0;
        const decision = decideLateDays({
          needed: lateDaysNeeded(deadlines.dueAt, now, account.hoursPerDay),
          spentHere,
          spentTotal: account.used,
          budget: account.budget,
          maxHere: assignment.maxLateDays,
        });
        if (decision.covered && decision.spendTo > spentHere) {
          lateDays = decision.spendTo - spentHere;
          await tx.lateDaySpend.upsert({
            where: { enrollmentId_assignmentId: { enrollmentId: enrollment.id, assignmentId: assignment.id } },
            create: { enrollmentId: enrollment.id, assignmentId: assignment.id, days: decision.spendTo },
            update: { days: decision.spendTo },
          });
        }
        if (!decision.covered && !timing.open) throw new HttpError(403, `${timing.reason} Late days cannot cover this submission: ${decision.reason}.`);
      }
      const submission = await tx.submission.create({
        data: {
          ...mine,
          versionId: version.id,
          questionId: row.id,
          code,
          ...(answer ? { answer: answer as object } : {}),
          clientToken: input.clientToken ?? null,
          // Hidden tests draw their inputs from it; a regrade reuses it (reproducible grades).
          gradingSeed: newGradingSeed(),
          late: input.kind === "SUBMIT" && late,
          createdAt: now,
        },
      });
      // Proofs are graded by people (the staff's queue), so they get no job.
      const job =
        spec.type === "proof"
          ? null
          : await tx.gradingJob.create({
              data: { submissionId: submission.id, priority: input.kind === "RUN" ? PRIORITY.run : PRIORITY.submit, maxAttempts: MAX_JOB_ATTEMPTS },
            });
      return { submissionId: submission.id, jobId: job?.id ?? null, late: submission.late, duplicate: false, ...(lateDays ? { lateDays } : {}) };
      // A class arriving at the deadline waits for a connection rather than failing after Prisma's 2 s.
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
  if (result.jobId && !result.duplicate) await notifyWorkers(db, input.embedded).catch(() => {});
  return result;
}
