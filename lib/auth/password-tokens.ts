// Single-use links that let a person set their password: invitations (7 days) and resets (1 hour).
// The token is 32 random bytes in the link; only its sha256 is stored, so a database dump opens
// no account. A newer link replaces older unused ones; using a link spends it. Every use goes
// through the sign-in throttle: a failed one counts against the address like a wrong password.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient, TokenPurpose } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/passwords";
import { checkSignInThrottle, recordSignInAttempt } from "@/lib/auth/signin-throttle";
import { throttleMessage } from "@/lib/auth/credentials.shared";
import { siteUrl } from "@/lib/auth/site-url";
import { HttpError } from "@/lib/http/responses";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = { INVITE: 7 * 24 * 3600_000, RESET: 3600_000 };
/** What a failed link use is recorded under in the throttle: per address (so one guesser cannot
 * block everyone's links), 5 failures per 15 minutes, and they count in the address's limit too. */
export function linkAttemptKey(ip: string): string {
  return `link:${ip}`;
}

export const LINK_INVALID =
  "This link does not work any more: it was used already, replaced by a newer one, or it expired. Ask course staff for a new invitation, or use “Forgot password?” on the sign-in page.";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function passwordLink(token: string): string {
  return `${siteUrl()}/set-password?token=${encodeURIComponent(token)}`;
}

/** A fresh link for the person; older unused links of theirs stop working. Returns the token. */
/** Pass a transaction client to make the link part of a larger change (e.g. with its mail). */
export async function issuePasswordToken(
  db: Pick<PrismaClient, "passwordToken">,
  userId: string,
  purpose: TokenPurpose,
  createdById: string | null,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await db.passwordToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]), createdById },
  });
  return token;
}

/** The person a usable link is for, or null (used, replaced, expired or never issued). */
export async function findUsableToken(db: PrismaClient, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now) return null;
  return row;
}

/** Sets the password from a link and spends it; failures count in the sign-in throttle. */
export async function setPasswordWithToken(db: PrismaClient, token: string, password: string, ip: string): Promise<{ email: string }> {
  const verdict = await checkSignInThrottle(db, linkAttemptKey(ip), ip);
  if (!verdict.allowed) throw new HttpError(429, throttleMessage(verdict.retryAfterSeconds), { "Retry-After": String(verdict.retryAfterSeconds) });
  const row = await findUsableToken(db, token);
  if (!row) {
    await recordSignInAttempt(db, linkAttemptKey(ip), ip, false);
    throw new HttpError(400, LINK_INVALID);
  }
  const passwordHash = await hashPassword(password);
  const now = new Date();
  await db.$transaction(async (tx) => {
    // Spent only once even when two tabs submit the same link at the same moment.
    const spent = await tx.passwordToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count !== 1) throw new HttpError(400, LINK_INVALID);
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await tx.passwordToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    // Proving control of the link (the mailbox, or staff's word) lifts a sign-in lock-out.
    await tx.signInAttempt.deleteMany({ where: { email: row.user.email, success: false } });
    await tx.auditLog.create({
      data: { actorId: row.userId, action: row.purpose === "INVITE" ? "password.set-from-invitation" : "password.reset", targetId: row.userId, data: {} },
    });
  });
  return { email: row.user.email };
}
