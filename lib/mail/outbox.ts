// The durable mail outbox on PostgreSQL: a mail is a row first, written in the same transaction
// as what caused it, and sent later by a worker that claims rows with FOR UPDATE SKIP LOCKED
// under a lease (like the grading queue, lib/queue/jobs.ts). A failed send is retried with
// backoff; after maxAttempts the row is FAILED and shown to staff. A mail server outage loses
// nothing: the rows wait.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EventEmitter } from "node:events";

export type OutgoingMail = { to: string; subject: string; text: string; courseId?: string | null };
export type ClaimedMail = { id: string; to: string; subject: string; text: string; attempts: number; maxAttempts: number };

const bus = ((globalThis as { __mailBus?: EventEmitter }).__mailBus ??= new EventEmitter());
bus.setMaxListeners(20);

/** Wakes a mail sender in this process at once (others find the row on their next poll). */
export function onMailQueued(fn: () => void): () => void {
  bus.on("queued", fn);
  return () => bus.off("queued", fn);
}

type Tx = Pick<PrismaClient, "mailOutbox">;

/** Writes the mails (pass the transaction of what caused them); call wakeMailSender() after commit. */
export async function enqueueMail(db: Tx, mails: OutgoingMail[]): Promise<void> {
  if (!mails.length) return;
  await db.mailOutbox.createMany({ data: mails.map((m) => ({ to: m.to, subject: m.subject, text: m.text, courseId: m.courseId ?? null })) });
}

/** After the commit: a sender woken before it would find nothing and sleep until its next poll. */
export function wakeMailSender(): void {
  bus.emit("queued");
}

/** Claims up to `limit` mails due now, and ones whose sender died mid-send (lease expired). */
export async function claimMail(db: PrismaClient, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
  return db.$queryRawUnsafe<ClaimedMail[]>(
    `UPDATE "MailOutbox" m
        SET status = 'SENDING', "lockedUntil" = now() + ($2 || ' milliseconds')::interval, attempts = m.attempts + 1, "updatedAt" = now()
      WHERE m.id IN (
        SELECT id FROM "MailOutbox"
         WHERE (status = 'QUEUED' AND "runAfter" <= now()) OR (status = 'SENDING' AND "lockedUntil" < now())
         ORDER BY "createdAt" ASC
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
      RETURNING m.id, m."to", m.subject, m.text, m.attempts, m."maxAttempts"`,
    limit,
    String(leaseMs),
  );
}

export async function markSent(db: PrismaClient, id: string): Promise<void> {
  // The link in a sent mail is the mailbox's business now: the row keeps no copy of it.
  await db.mailOutbox.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null, text: "(sent)" } });
}

/** Backoff: 10 s, 20 s, 40 s ... capped at 30 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

export async function markFailed(db: PrismaClient, mail: ClaimedMail, error: string): Promise<void> {
  const final = mail.attempts >= mail.maxAttempts;
  await db.mailOutbox.update({
    where: { id: mail.id },
    data: final
      ? { status: "FAILED", lockedUntil: null, lastError: error.slice(0, 1000) }
      : { status: "QUEUED", lockedUntil: null, lastError: error.slice(0, 1000), runAfter: new Date(Date.now() + retryDelayMs(mail.attempts)) },
  });
}

/** Mail of a course that failed for good, or is still being retried after an error. */
export async function mailProblems(db: PrismaClient, courseId: string) {
  return db.mailOutbox.findMany({
    where: { courseId, OR: [{ status: "FAILED" }, { status: { in: ["QUEUED", "SENDING"] }, lastError: { not: null } }] },
    select: { id: true, to: true, subject: true, status: true, attempts: true, lastError: true, runAfter: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
    take: 50,
  });
}
