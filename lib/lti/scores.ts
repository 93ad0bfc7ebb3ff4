// Grade passback (AGS 2.0) through a durable outbox: a scan compares each linked assignment's
// gradebook total (lib/grades: late policy, extensions, overrides applied there, nowhere else) with
// the last score queued for that line item and person, and queues a new revision when it differs.
// (line item, user, revision) is unique, so two scanners racing queue it once; a sender claims rows
// with FOR UPDATE SKIP LOCKED under a lease like lib/mail/outbox.ts, retries with backoff, and
// marks failures for the staff page. A score is POSTed with its revision's own timestamp, so a
// resend after a crash between the POST and the mark is one the platform treats as the same score.
import type { LtiPlatform, PrismaClient } from "@/lib/generated/prisma/client";
import { computeGradebook } from "@/lib/grades/gradebook";
import { SCOPE } from "@/lib/lti/claims";
import { linkedContexts } from "@/lib/lti/context-link";
import { ServiceError, serviceFetch, withPath } from "@/lib/lti/service-client";
import { retryDelayMs } from "@/lib/mail/outbox";
import { z } from "zod";

export type ClaimedScore = { id: string; attempts: number; maxAttempts: number };

/** Queues a revision for every (line item, student) whose gradebook score changed. Returns how many. */
export async function queueChangedScores(db: PrismaClient): Promise<number> {
  let queued = 0;
  const contexts = await linkedContexts(db);
  const byTerm = new Map<string, typeof contexts>();
  for (const c of contexts) byTerm.set(c.termId, [...(byTerm.get(c.termId) ?? []), c]);
  for (const [termId, ctxs] of byTerm) {
    const lineItems = await db.ltiLineItem.findMany({ where: { contextId: { in: ctxs.map((c) => c.id) } } });
    if (!lineItems.length) continue;
    const gradebook = await computeGradebook(db, termId);
    const platformIds = [...new Set(ctxs.map((c) => c.platformId))];
    const accounts = await db.ltiAccount.findMany({ where: { platformId: { in: platformIds } }, select: { platformId: true, userId: true } });
    const hasAccount = new Set(accounts.map((a) => `${a.platformId} ${a.userId}`));
    const last = await db.ltiScore.findMany({
      where: { lineItemId: { in: lineItems.map((l) => l.id) } },
      orderBy: { revision: "desc" },
      distinct: ["lineItemId", "userId"],
      select: { lineItemId: true, userId: true, revision: true, scoreGiven: true, scoreMaximum: true },
    });
    const lastOf = new Map(last.map((s) => [`${s.lineItemId} ${s.userId}`, s]));
    const rows: { lineItemId: string; userId: string; revision: number; scoreGiven: number; scoreMaximum: number }[] = [];
    for (const li of lineItems) {
      const platformId = ctxs.find((c) => c.id === li.contextId)!.platformId;
      for (const row of gradebook.rows) {
        if (!hasAccount.has(`${platformId} ${row.student.userId}`)) continue;
        const result = row.results.get(li.assignmentId);
        if (!result || result.total === null) continue;
        const prev = lastOf.get(`${li.id} ${row.student.userId}`);
        if (prev && prev.scoreGiven === result.total && prev.scoreMaximum === result.max) continue;
        rows.push({ lineItemId: li.id, userId: row.student.userId, revision: (prev?.revision ?? 0) + 1, scoreGiven: result.total, scoreMaximum: result.max });
      }
    }
    if (rows.length) queued += (await db.ltiScore.createMany({ data: rows, skipDuplicates: true })).count;
  }
  return queued;
}

export async function claimScores(db: PrismaClient, limit: number, leaseMs: number): Promise<ClaimedScore[]> {
  return db.$queryRawUnsafe<ClaimedScore[]>(
    `UPDATE "LtiScore" s
        SET status = 'SENDING', "lockedUntil" = now() + ($2 || ' milliseconds')::interval, attempts = s.attempts + 1, "updatedAt" = now()
      WHERE s.id IN (
        SELECT id FROM "LtiScore"
         WHERE (status = 'QUEUED' AND "runAfter" <= now()) OR (status = 'SENDING' AND "lockedUntil" < now())
         ORDER BY "createdAt" ASC, revision ASC
         LIMIT $1
         FOR UPDATE SKIP LOCKED)
      RETURNING s.id, s.attempts, s."maxAttempts"`,
    limit,
    String(leaseMs),
  );
}

const lineItemsSchema = z.array(z.object({ id: z.url(), resourceId: z.string().optional() }));
const lineItemSchema = z.object({ id: z.url() });
const LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";

/** The line item's URL: known from the launch, else found by resourceId (Canvas would make a
 *  duplicate if we created blindly), else created. */
async function lineItemUrlOf(db: PrismaClient, platform: LtiPlatform, lineItemId: string, scoreMaximum: number): Promise<string> {
  const li = await db.ltiLineItem.findUniqueOrThrow({ where: { id: lineItemId }, include: { context: true, assignment: true } });
  if (li.lineItemUrl) return li.lineItemUrl;
  const container = li.context.lineItemsUrl;
  if (!container) throw new ServiceError("the LMS did not offer grade passback (AGS) for this course; ask its admin to enable it for the tool");
  const scopes = [SCOPE.lineItem, SCOPE.score];
  const search = new URL(container);
  search.searchParams.set("resource_id", li.assignment.slug);
  const found = await serviceFetch(db, platform, scopes, search.toString(), { accept: "application/vnd.ims.lis.v2.lineitemcontainer+json" });
  if (!found.ok) throw new ServiceError(`listing line items answered ${found.status}`);
  const existing = lineItemsSchema.parse(await found.json()).find((x) => x.resourceId === undefined || x.resourceId === li.assignment.slug);
  let url = existing?.id;
  if (!url) {
    const made = await serviceFetch(db, platform, scopes, container, {
      method: "POST",
      contentType: LINE_ITEM_TYPE,
      accept: LINE_ITEM_TYPE,
      body: { scoreMaximum, label: li.assignment.title, resourceId: li.assignment.slug, ...(li.resourceLinkId ? { resourceLinkId: li.resourceLinkId } : {}) },
    });
    if (!made.ok) throw new ServiceError(`creating the line item answered ${made.status}`);
    url = lineItemSchema.parse(await made.json()).id;
  }
  await db.ltiLineItem.update({ where: { id: li.id }, data: { lineItemUrl: url } });
  return url;
}

export async function sendScore(db: PrismaClient, id: string): Promise<void> {
  const s = await db.ltiScore.findUniqueOrThrow({ where: { id }, include: { lineItem: { include: { context: { include: { platform: true } } } } } });
  const platform = s.lineItem.context.platform;
  const account = await db.ltiAccount.findFirst({ where: { platformId: platform.id, userId: s.userId } });
  if (!account) throw new ServiceError("the student has no account on this LMS any more");
  const url = await lineItemUrlOf(db, platform, s.lineItemId, s.scoreMaximum);
  const res = await serviceFetch(db, platform, [SCOPE.score], withPath(url, "scores"), {
    method: "POST",
    contentType: "application/vnd.ims.lis.v1.score+json",
    body: {
      userId: account.sub,
      scoreGiven: s.scoreGiven,
      scoreMaximum: s.scoreMaximum,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
      timestamp: s.createdAt.toISOString(),
    },
  });
  if (!res.ok) throw new ServiceError(`the LMS answered ${res.status} to the score: ${(await res.text()).slice(0, 300)}`);
}

export async function markScoreSent(db: PrismaClient, id: string): Promise<void> {
  await db.ltiScore.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null } });
}

export async function markScoreFailed(db: PrismaClient, s: ClaimedScore, error: string): Promise<void> {
  const final = s.attempts >= s.maxAttempts;
  await db.ltiScore.update({
    where: { id: s.id },
    data: final
      ? { status: "FAILED", lockedUntil: null, lastError: error.slice(0, 1000) }
      : { status: "QUEUED", lockedUntil: null, lastError: error.slice(0, 1000), runAfter: new Date(Date.now() + retryDelayMs(s.attempts)) },
  });
}

/** Queues a failed score again (staff page). */
export async function retryScore(db: PrismaClient, id: string, termId: string): Promise<number> {
  const { count } = await db.ltiScore.updateMany({
    where: { id, status: "FAILED", lineItem: { assignment: { termId } } },
    data: { status: "QUEUED", attempts: 0, runAfter: new Date(), lastError: null },
  });
  return count;
}

/** What was sent for a course, newest first. */
export async function scoreLog(db: PrismaClient, termId: string, take = 200) {
  return db.ltiScore.findMany({
    where: { lineItem: { assignment: { termId } } },
    include: { user: { select: { name: true, email: true } }, lineItem: { include: { assignment: { select: { slug: true, title: true } } } } },
    orderBy: { createdAt: "desc" },
    take,
  });
}
