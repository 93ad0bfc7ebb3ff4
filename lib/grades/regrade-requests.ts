// Regrade requests: a student asks staff to look again at one question of a graded, released
// submission (optionally naming a test or a rubric item), inside the assignment's window (it opens
// when the grade is released to them — Publish for manual release, the due date otherwise — and
// closes `regradeWindowDays` later). One open request per question (under an advisory lock), at most
// RATE.perDay requests a day per student and course. Staff answer on the queue page, fix the grade
// with the existing tools (rubric, override with reason, regrade), pass a request to the instructor
// and resolve it with an outcome the student reads. Every step is in the audit log.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { HttpError, retryAfter } from "@/lib/http/http-error";
import { gradesPublished, questionReleaseMode, scoreReleased } from "@/lib/grades/release";
import { effectiveDeadlines } from "@/lib/submissions/policy";

const DAY_MS = 24 * 3_600_000;
export const REGRADE_RATE = { perDay: 5 };

type Facts = {
  assignment: {
    dueAt: Date;
    lateUntil: Date | null;
    gradeRelease: "AUTO" | "MANUAL";
    hideScoresUntilRelease: boolean;
    gradesPublishedAt: Date | null;
    regradeWindowDays: number;
  };
  questionConfig: unknown;
  extension: { dueAt: Date; lateUntil: Date | null } | null;
  accommodationDays: number;
};

/** When the student may ask for a regrade of this question: from release to N days later; null when never. */
export function regradeWindow(f: Facts): { opens: Date; closes: Date } | null {
  const a = f.assignment;
  if (a.regradeWindowDays <= 0) return null;
  const manual = questionReleaseMode(a, f.questionConfig) === "MANUAL";
  if (manual && !gradesPublished(a)) return null;
  const opens = manual ? a.gradesPublishedAt! : effectiveDeadlines(a, f.extension, f.accommodationDays).dueAt;
  return { opens, closes: new Date(opens.getTime() + a.regradeWindowDays * DAY_MS) };
}

export function windowRefusal(w: { opens: Date; closes: Date } | null, now: Date, format = (d: Date) => d.toISOString()): string | null {
  if (!w) return "Regrade requests for this question open when its grades are released.";
  if (now < w.opens) return `Regrade requests for this question open on ${format(w.opens)}, after the due date.`;
  if (now > w.closes) return `The regrade window for this question closed on ${format(w.closes)}.`;
  return null;
}

export type NewRequest = { termId: string; userId: string; submissionId: string; target: string | null; text: string; now?: Date };

/** The student's own graded SUBMIT, its question's facts, and what may be named as the target. */
export async function requestable(db: PrismaClient, termId: string, userId: string, submissionId: string) {
  const s = await db.submission.findUnique({
    where: { id: submissionId },
    include: {
      assignment: true,
      question: { select: { config: true, type: true } },
      gradings: { orderBy: { gradedAt: "desc" }, take: 1, select: { report: true } },
      manualGrading: { select: { id: true } },
    },
  });
  // Another student's submission (or none): the same 404 as for one that does not exist.
  if (!s || s.userId !== userId || s.assignment.termId !== termId) throw new HttpError(404, "No such submission.");
  const enrollment = await db.enrollment.findUnique({ where: { userId_termId: { userId, termId: s.assignment.termId } } });
  if (!enrollment || enrollment.droppedAt) throw new HttpError(404, "No such submission.");
  if (enrollment.role !== "STUDENT") throw new HttpError(400, "Regrade requests are asked by the student whose submission it is.");
  if (s.kind !== "SUBMIT") throw new HttpError(400, "A Run is never graded for credit; ask about a submission.");
  const graded = s.gradings.length > 0 || s.manualGrading !== null;
  if (!graded) throw new HttpError(409, "This submission is not graded yet; ask once it is.");
  if (!scoreReleased(s.assignment, s.question.config, s.question.type === "PROOF"))
    throw new HttpError(409, "This grade is not released yet; ask once staff publish it.");
  const targets =
    s.question.type === "PROOF"
      ? (await db.rubricItem.findMany({ where: { assignmentId: s.assignmentId, questionKey: s.questionKey }, orderBy: { position: "asc" } })).map((r) => r.key)
      : ((s.gradings[0]?.report as { tests?: { name: string }[] } | undefined)?.tests ?? []).map((t) => t.name);
  return { s, enrollment, targets };
}

export async function createRegradeRequest(db: PrismaClient, input: NewRequest): Promise<{ id: string }> {
  const now = input.now ?? new Date();
  const { s, enrollment, targets } = await requestable(db, input.termId, input.userId, input.submissionId);
  if (input.target !== null && !targets.includes(input.target))
    throw new HttpError(400, `"${input.target}" is not a test or rubric item of this question; choose one from the list or none.`);
  const extension = await db.extension.findUnique({ where: { userId_assignmentId: { userId: input.userId, assignmentId: s.assignmentId } } });
  const refusal = windowRefusal(
    regradeWindow({ assignment: s.assignment, questionConfig: s.question.config, extension, accommodationDays: enrollment.accommodationDays }),
    now,
  );
  if (refusal) throw new HttpError(403, refusal);
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `regrade:${input.userId}:${s.assignmentId}:${s.questionKey}`);
    const open = await tx.regradeRequest.count({
      where: { userId: input.userId, assignmentId: s.assignmentId, questionKey: s.questionKey, status: { not: "RESOLVED" } },
    });
    if (open > 0) throw new HttpError(409, "You already have an open regrade request for this question; staff will answer it first.");
    const since = new Date(now.getTime() - DAY_MS);
    const recent = await tx.regradeRequest.findMany({
      where: { userId: input.userId, assignment: { termId: s.assignment.termId }, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (recent.length >= REGRADE_RATE.perDay) {
      const wait = Math.max(60, Math.ceil((recent[0]!.createdAt.getTime() + DAY_MS - now.getTime()) / 1000));
      throw new HttpError(429, `At most ${REGRADE_RATE.perDay} regrade requests a day; try again in ${Math.ceil(wait / 3600)} hours.`, retryAfter(wait));
    }
    const r = await tx.regradeRequest.create({
      data: {
        submissionId: s.id,
        userId: input.userId,
        assignmentId: s.assignmentId,
        questionKey: s.questionKey,
        target: input.target,
        createdAt: now,
        messages: { create: { authorId: input.userId, text: input.text, createdAt: now } },
      },
    });
    await tx.auditLog.create({
      data: {
        termId: s.assignment.termId,
        actorId: input.userId,
        action: "regrade.request",
        targetId: input.userId,
        data: { request: r.id, assignment: s.assignment.slug, question: s.questionKey, target: input.target },
      },
    });
    return { id: r.id };
  });
}

export type StaffAnswer = {
  termId: string;
  requestId: string;
  actorId: string;
  actorRole: "TA" | "INSTRUCTOR" | "STUDENT";
  action: "reply" | "escalate" | "resolve" | "reopen";
  text: string;
  now?: Date;
};

/** A reply, a pass to the instructor (TAs), a resolution with its outcome, or reopening one. */
export async function answerRegradeRequest(db: PrismaClient, input: StaffAnswer): Promise<void> {
  const now = input.now ?? new Date();
  const r = await db.regradeRequest.findUnique({ where: { id: input.requestId }, include: { assignment: { select: { termId: true, slug: true } } } });
  if (!r || r.assignment.termId !== input.termId) throw new HttpError(404, "No such regrade request in this term of the course.");
  if (input.action === "escalate" && input.actorRole !== "TA") throw new HttpError(400, "Only a TA passes a request to the instructor; resolve it instead.");
  if (input.action !== "reopen" && r.status === "RESOLVED") throw new HttpError(409, "This request is resolved; reopen it first.");
  if (input.action === "reopen" && r.status !== "RESOLVED") throw new HttpError(409, "This request is still open.");
  const status = input.action === "escalate" ? "ESCALATED" : input.action === "resolve" ? "RESOLVED" : input.action === "reopen" ? "OPEN" : r.status;
  await db.$transaction([
    db.regradeRequest.update({
      where: { id: r.id },
      data: {
        status,
        ...(input.action === "resolve" ? { outcome: input.text, resolvedAt: now, resolvedById: input.actorId } : {}),
        ...(input.action === "reopen" ? { outcome: null, resolvedAt: null, resolvedById: null } : {}),
      },
    }),
    db.regradeMessage.create({ data: { requestId: r.id, authorId: input.actorId, text: input.text, createdAt: now } }),
    db.auditLog.create({
      data: {
        termId: input.termId,
        actorId: input.actorId,
        action: `regrade.${input.action}`,
        targetId: r.userId,
        data: { request: r.id, assignment: r.assignment.slug, question: r.questionKey, text: input.text },
      },
    }),
  ]);
}

const threadInclude = {
  messages: { orderBy: { createdAt: "asc" as const }, include: { author: { select: { name: true, email: true } } } },
  assignment: { select: { slug: true, title: true } },
  user: { select: { name: true, email: true } },
  submission: { select: { question: { select: { type: true } } } },
};

/** The staff queue: open and passed-on requests first (oldest first), then the latest resolved. */
export async function regradeQueue(db: PrismaClient, termId: string) {
  const [open, resolved] = await Promise.all([
    db.regradeRequest.findMany({ where: { assignment: { termId }, status: { not: "RESOLVED" } }, include: threadInclude, orderBy: { createdAt: "asc" } }),
    db.regradeRequest.findMany({ where: { assignment: { termId }, status: "RESOLVED" }, include: threadInclude, orderBy: { resolvedAt: "desc" }, take: 50 }),
  ]);
  return { open, resolved };
}

/** A student's own requests on one assignment, with their threads. */
export async function studentRegradeRequests(db: PrismaClient, userId: string, assignmentId: string) {
  return db.regradeRequest.findMany({ where: { userId, assignmentId }, include: threadInclude, orderBy: { createdAt: "desc" } });
}
