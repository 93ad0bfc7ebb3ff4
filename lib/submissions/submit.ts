// Submit (and Run): every check a submission must pass — the question exists and is open for this
// student (release, due date, late window, extension), the answer's shape and size, one in flight
// per question, attempts and the rate limit — then the submission and its grading job in one
// transaction. Checks run under a per-(student, question) advisory lock so that two requests at once
// (a double click, two tabs) cannot both slip through. After the due date, late days are spent here
// (lib/grades/late-days.ts) under a second lock on the student's budget, so two submissions at
// once (two questions, two tabs) cannot spend the same day twice.
import { randomUUID } from "node:crypto";
import pLimit from "p-limit";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { QuestionSpec } from "@/lib/assignments/schema";
import { parseVersionContent, type VersionContent } from "@/lib/assignments/version-content";
import { newGradingSeed } from "@/grader/bundle-safe";
import { MAX_JOB_ATTEMPTS, PRIORITY, notifyWorkers } from "@/lib/queue/jobs";
import { JOB_CHANNEL } from "@/lib/queue/wake";
import { HttpError, retryAfter } from "@/lib/http/http-error";
import { normalizeAnswer } from "@/lib/submissions/answer-shape";
import { attemptsUsed, type AttemptFacts } from "@/lib/grades/attempts";
import { isReleasedTo } from "@/lib/grades/release";
import { effectiveDeadlines, questionLimits, submissionTiming, type Limits } from "@/lib/submissions/policy";
import { readSubmitContext } from "@/lib/submissions/submit-context";
import { directTransaction, runner, type Run } from "@/lib/db/direct";
import { decideLateDays, lateDayAccount, lateDayLockKey, lateDaysNeeded } from "@/lib/grades/late-days";

export type SubmitInput = {
  userId: string;
  termId: string;
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

// Versions are immutable, so a version's content (every file of the assignment) is read and
// validated once per process, not on every submission.
const contentCache = new Map<string, VersionContent>();

async function versionContent(db: PrismaClient, version: { id: string; number: number }, slug: string): Promise<VersionContent> {
  const hit = contentCache.get(version.id);
  if (hit) return hit;
  const row = await db.assignmentVersion.findUniqueOrThrow({ where: { id: version.id }, select: { content: true } });
  const content = parseVersionContent(row.content, `version ${version.number} of "${slug}"`);
  if (contentCache.size > 200) contentCache.clear();
  contentCache.set(version.id, content);
  return content;
}

type Mine = { userId: string; assignmentId: string; questionKey: string; kind: "SUBMIT" | "RUN" };
type CheckFacts = {
  dup: { id: string; late: boolean; jobId: string | null } | null;
  inFlight: number;
  mineSoFar: AttemptFacts[];
  /** Creation times (ms since the epoch, ascending) of this student's submissions to this question since the window's start. */
  recentMs: number[];
};

/**
 * What the checks under the lock need, in one query (one round trip, nothing for Prisma to
 * compile): an earlier submission with this clientToken, jobs still in flight, the attempts so far
 * (when limited) and the submissions inside the rate window (when limited).
 */
async function checkFacts(run: Run, mine: Mine, clientToken: string | null, want: { attempts: boolean; windowStart: Date | null }): Promise<CheckFacts> {
  const rows = await run<CheckFacts>(
    "submit-check-facts",
    `WITH m AS (SELECT s.id, s.kind, s."createdAt" FROM "Submission" s
                 WHERE s."userId" = $1 AND s."assignmentId" = $2 AND s."questionKey" = $3 AND s.kind = $4::"SubmissionKind")
     SELECT
       (SELECT json_build_object('id', s.id, 'late', s.late,
                 'jobId', (SELECT j.id FROM "GradingJob" j WHERE j."submissionId" = s.id ORDER BY j."createdAt", j.id LIMIT 1))
          FROM "Submission" s WHERE s."userId" = $1 AND s."clientToken" = $5::text) AS dup,
       (SELECT count(*)::int FROM "GradingJob" j JOIN m ON m.id = j."submissionId"
         WHERE j.status IN ('QUEUED', 'RUNNING') AND j.priority >= 0) AS "inFlight",
       (SELECT coalesce(json_agg(json_build_object(
                 'kind', m.kind,
                 'hasResult', EXISTS (SELECT 1 FROM "Grading" g WHERE g."submissionId" = m.id) OR EXISTS (SELECT 1 FROM "ManualGrading" mg WHERE mg."submissionId" = m.id),
                 'jobStatuses', (SELECT coalesce(json_agg(j.status), '[]'::json) FROM "GradingJob" j WHERE j."submissionId" = m.id))), '[]'::json)
          FROM m WHERE $6::boolean) AS "mineSoFar",
       (SELECT coalesce(json_agg((extract(epoch FROM m."createdAt") * 1000)::float8 ORDER BY m."createdAt"), '[]'::json)
          FROM m WHERE m."createdAt" > ($7::timestamptz AT TIME ZONE 'UTC')) AS "recentMs"`,
    [mine.userId, mine.assignmentId, mine.questionKey, mine.kind, clientToken, want.attempts, want.windowStart?.toISOString() ?? null],
  );
  return rows[0]!;
}

type NewSubmission = Mine & {
  versionId: string;
  questionId: string;
  code: string | null;
  answer: unknown;
  clientToken: string | null;
  gradingSeed: string;
  late: boolean;
  createdAt: Date;
};

/**
 * The submission and (unless `job` is null) its grading job, in one statement. On PostgreSQL the
 * same statement notifies the workers, which hear it when the transaction commits.
 */
async function insertSubmission(
  run: Run,
  s: NewSubmission,
  job: { priority: number } | null,
  embedded: boolean,
): Promise<{ submissionId: string; jobId: string | null }> {
  // Submission ids travel in URLs and are checked there as lowercase letters and digits
  // (submissionIdSchema), like the cuids Prisma makes: a UUID without its dashes is one.
  const submissionId = randomUUID().replaceAll("-", "");
  const jobId = job ? randomUUID() : null;
  await run(
    embedded ? "submit-insert" : "submit-insert-notify",
    `WITH sub AS (
       INSERT INTO "Submission" (id, "userId", "assignmentId", "questionKey", kind, "versionId", "questionId", code, answer, "clientToken", "gradingSeed", late, "createdAt")
       VALUES ($1, $2, $3, $4, $5::"SubmissionKind", $6, $7, $8, $9::jsonb, $10, $11, $12, ($13::timestamptz AT TIME ZONE 'UTC'))
       RETURNING id),
     job AS (
       INSERT INTO "GradingJob" (id, "submissionId", priority, "maxAttempts", "updatedAt")
       SELECT $14::text, sub.id, $15::int, $16::int, now() FROM sub WHERE $14::text IS NOT NULL
       RETURNING id)
     SELECT (SELECT id FROM job) AS "jobId"${embedded ? "" : `, CASE WHEN $14::text IS NOT NULL THEN pg_notify('${JOB_CHANNEL}', '')::text END AS notified`}`,
    [
      submissionId,
      s.userId,
      s.assignmentId,
      s.questionKey,
      s.kind,
      s.versionId,
      s.questionId,
      s.code,
      s.answer === null || s.answer === undefined ? null : JSON.stringify(s.answer),
      s.clientToken,
      s.gradingSeed,
      s.late,
      s.createdAt.toISOString(),
      jobId,
      job?.priority ?? 0,
      MAX_JOB_ATTEMPTS,
    ],
  );
  return { submissionId, jobId };
}

// At most this many submissions of one process work with the database at once; the rest wait
// here, in arrival order. Without it, a class submitting at the deadline queues hundreds of
// requests for the pool's 20 connections, and those waiting longer than its 5 s fail (measured:
// a third of a 300-student burst, each retried). The other 10 connections stay for everything else.
const SUBMITS_AT_ONCE = 10;
const submitSlots = pLimit(SUBMITS_AT_ONCE);

export function submit(db: PrismaClient, input: SubmitInput): Promise<SubmitResult> {
  return submitSlots(() => submitNow(db, input));
}

async function submitNow(db: PrismaClient, input: SubmitInput): Promise<SubmitResult> {
  const now = input.now ?? new Date();
  const context = await readSubmitContext(db, input.termId, input.assignmentSlug, input.questionKey, input.userId);
  if (!context || !context.version || !isReleasedTo(context.assignment, input, now)) {
    throw new HttpError(404, "No such assignment.");
  }
  const { assignment, version, extension, enrollment } = context;
  const content = await versionContent(db, version, assignment.slug);
  const spec = content.spec.questions.find((q: QuestionSpec) => q.id === input.questionKey);
  if (!context.questionId || !spec) throw new HttpError(404, "No such question in this assignment.");
  const questionId = context.questionId;
  if (input.kind === "RUN" && spec.type !== "code") throw new HttpError(400, "Only code questions can be run against visible tests.");
  const { code, answer } = normalizeAnswer(spec, { code: input.code, answer: input.answer });

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
    enrollment.lateDayCount + enrollment.extraLateDays > 0;
  const late = timing.open ? timing.late : lateDaysMayCover;
  if (input.kind === "SUBMIT" && !input.isStaff && !timing.open && !lateDaysMayCover) {
    // A retried request (same clientToken) gets its first answer, even after the deadline has
    // passed. (While it is open, the checks under the lock below find it.)
    const earlier = await duplicateOf(db, input.userId, input.clientToken);
    if (earlier) return earlier;
    throw new HttpError(403, timing.reason);
  }

  const limits = input.kind === "RUN" ? RUN_LIMIT : questionLimits(content.spec, input.questionKey);
  const lockKey = `${input.userId}:${assignment.id}:${input.questionKey}:${input.kind}`;

  // Checks and writes under the lock, in one transaction. `tx` (Prisma's) is needed only to spend
  // late days; every other submission runs on a pg connection directly when there is one
  // (lib/db/direct.ts: the deadline burst's hot path).
  const underLock = async (run: Run, tx: Prisma.TransactionClient | null): Promise<SubmitResult> => {
    await run("submit-lock", `SELECT pg_advisory_xact_lock(hashtext($1))::text`, [lockKey]);
    const mine = { userId: input.userId, assignmentId: assignment.id, questionKey: input.questionKey, kind: input.kind };
    const windowStart = limits.perWindow !== undefined && limits.windowMinutes !== undefined ? new Date(now.getTime() - limits.windowMinutes * 60_000) : null;
    const facts = await checkFacts(run, mine, input.clientToken ?? null, {
      attempts: !input.isStaff && limits.maxAttempts !== undefined && input.kind === "SUBMIT",
      windowStart,
    });
    if (facts.dup) return { submissionId: facts.dup.id, jobId: facts.dup.jobId, late: facts.dup.late, duplicate: true }; // a concurrent double click
    if (spec.type !== "proof") {
      if (facts.inFlight > 0)
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
        const used = attemptsUsed(facts.mineSoFar);
        if (used >= limits.maxAttempts) throw new HttpError(429, `You have used all ${limits.maxAttempts} attempts for this question.`);
      }
      if (limits.perWindow !== undefined && limits.windowMinutes !== undefined) {
        const recent = facts.recentMs;
        if (recent.length >= limits.perWindow) {
          const pivot = recent[recent.length - limits.perWindow]!;
          const wait = Math.max(1, Math.ceil((pivot + limits.windowMinutes * 60_000 - now.getTime()) / 1000));
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
      if (!tx) throw new Error("submit: late days are spent only in a Prisma transaction");
      await run("submit-late-day-lock", `SELECT pg_advisory_xact_lock(hashtext($1))::text`, [lateDayLockKey(enrollment.id)]);
      const fresh = await tx.enrollment.findUniqueOrThrow({ where: { id: enrollment.id }, select: { id: true, termId: true, extraLateDays: true } });
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
    const submission = {
      ...mine,
      versionId: version.id,
      questionId,
      code: code ?? null,
      answer: answer ?? null,
      clientToken: input.clientToken ?? null,
      // Hidden tests draw their inputs from it; a regrade reuses it (reproducible grades).
      gradingSeed: newGradingSeed(),
      late: input.kind === "SUBMIT" && late,
      createdAt: now,
    };
    // Proofs are graded by people (the staff's queue), so they get no job.
    const job = spec.type === "proof" ? null : { priority: input.kind === "RUN" ? PRIORITY.run : PRIORITY.submit };
    const ids = await insertSubmission(run, submission, job, input.embedded);
    return { ...ids, late: submission.late, duplicate: false, ...(lateDays ? { lateDays } : {}) };
  };
  const direct = lateDaysMayCover ? null : await directTransaction(db, (run) => underLock(run, null));
  const result =
    direct?.value ??
    (await db.$transaction(
      (tx) => underLock(runner(tx), tx),
      // A class arriving at the deadline waits for a connection rather than failing after Prisma's 2 s.
      { maxWait: 15_000, timeout: 15_000 },
    ));
  // With PostgreSQL the workers were notified by the job's own INSERT (delivered at commit).
  if (result.jobId && !result.duplicate && input.embedded) await notifyWorkers(db, true).catch(() => {});
  return result;
}
