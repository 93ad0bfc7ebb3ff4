// Invitations (staff give people a link to set their first password) and "forgot password"
// (a person asks for a reset link by email). With SMTP configured the links go out through the
// mail outbox; without it, invitation links are handed back to staff to pass on, and a
// forgotten password needs staff to send a new link. Who may receive a link shown to staff is
// limited so that no one can take over an account that is not theirs to manage.
import { HttpError } from "@/lib/http/http-error";
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { mailConfigured } from "@/lib/env";
import { enqueueMail, wakeMailSender } from "@/lib/mail/outbox";
import { issuePasswordToken, passwordLink } from "@/lib/auth/password-tokens";
import { checkSignInThrottle, recordSignInAttempt } from "@/lib/auth/signin-throttle";

export type InviteResult = {
  links: { userId: string; email: string; name: string; link: string }[];
  mailed: number;
  skipped: { email: string; reason: string }[];
};

/** Roles an actor may send links to: TAs manage students, instructors students and TAs. */
function mayManage(actorRole: Role, targetRole: Role): boolean {
  return actorRole === "INSTRUCTOR" ? targetRole !== "INSTRUCTOR" : targetRole === "STUDENT";
}

function inviteMail(name: string, courseTitle: string, link: string, purpose: "INVITE" | "RESET") {
  return purpose === "INVITE"
    ? {
        subject: `Your account for ${courseTitle}`,
        text: `Hello ${name},\n\nYou are on the roster of ${courseTitle}. Set your password here (the link works once, for 7 days):\n\n${link}\n\nThen sign in with this email address.\n`,
      }
    : {
        subject: `Reset your password for ${courseTitle}`,
        text: `Hello ${name},\n\nSomeone (hopefully you) asked to reset your password. Set a new one here (the link works once, for 1 hour):\n\n${link}\n\nIf you did not ask, ignore this mail: your password stays as it is.\n`,
      };
}

/**
 * Invites people of the course: `userIds`, or with `all` everyone who has no password yet.
 * A person who already has a password gets a reset link instead, by mail only when they are
 * enrolled in another course too (staff here must not open an account other courses rely on).
 */
export async function invitePeople(
  db: PrismaClient,
  course: { id: string; title: string; termId: string },
  actor: { id: string; role: Role },
  target: { userIds?: string[] | undefined; all?: boolean | undefined },
): Promise<InviteResult> {
  const enrollments = await db.enrollment.findMany({
    where: { termId: course.termId, droppedAt: null, ...(target.all ? { user: { passwordHash: null } } : { userId: { in: target.userIds ?? [] } }) },
    include: { user: { select: { id: true, email: true, name: true, passwordHash: true, _count: { select: { enrollments: true } } } } },
  });
  if (!target.all && enrollments.length !== new Set(target.userIds).size)
    throw new HttpError(404, "Some of these people are not (or no longer) on this course's roster; reload the page.");
  const mail = mailConfigured();
  const result: InviteResult = { links: [], mailed: 0, skipped: [] };
  const outgoing: { to: string; subject: string; text: string; courseId: string }[] = [];
  // Links, their mail and the audit entry are one transaction: no link without its mail.
  await db.$transaction(
    async (tx) => {
      for (const e of enrollments) {
        if (e.userId === actor.id) {
          result.skipped.push({ email: e.user.email, reason: "that is you; change your own password with “Forgot password?”" });
          continue;
        }
        if (!mayManage(actor.role, e.role)) {
          result.skipped.push({
            email: e.user.email,
            reason: actor.role === "TA" ? "only an instructor can send links to staff" : "instructors get in with npm run user:add or “Forgot password?”",
          });
          continue;
        }
        const purpose = e.user.passwordHash ? "RESET" : "INVITE";
        if (!mail && purpose === "RESET" && e.user._count.enrollments > 1) {
          result.skipped.push({ email: e.user.email, reason: "has a password and is in other courses too; without mail settings only they can reset it" });
          continue;
        }
        const link = passwordLink(await issuePasswordToken(tx, e.userId, purpose, actor.id));
        if (mail) outgoing.push({ to: e.user.email, courseId: course.id, ...inviteMail(e.user.name, course.title, link, purpose) });
        else result.links.push({ userId: e.userId, email: e.user.email, name: e.user.name, link });
      }
      await enqueueMail(tx, outgoing);
      await tx.auditLog.create({
        data: {
          courseId: course.id,
          termId: course.termId,
          actorId: actor.id,
          action: "roster.invite",
          data: {
            mailed: outgoing.length,
            shown: result.links.length,
            skipped: result.skipped.length,
            emails: [...outgoing.map((m) => m.to), ...result.links.map((l) => l.email)].slice(0, 500),
          },
        },
      });
    },
    { timeout: 120_000 },
  ); // a whole class at once is a few thousand small statements
  result.mailed = outgoing.length;
  if (outgoing.length) wakeMailSender();
  return result;
}

/** The answer to "forgot password", whatever happened (no one learns who has an account). */
export const RESET_REQUESTED =
  "If that address belongs to an account, a link to set a new password is on its way (it works for 1 hour). No mail after a few minutes? Check the spam folder, or ask course staff for a new link.";

/**
 * Mails a reset link when the address is a person on some roster and mail is configured. Each
 * request counts against the address's and the email's sign-in throttle, so it cannot be used to
 * flood a mailbox (at most a few mails per 15 minutes) or to probe for accounts.
 */
export async function requestPasswordReset(db: PrismaClient, email: string, ip: string): Promise<void> {
  const key = `reset:${email}`;
  const verdict = await checkSignInThrottle(db, key, ip);
  if (!verdict.allowed) return;
  await recordSignInAttempt(db, key, ip, false);
  if (!mailConfigured()) return;
  const user = await db.user.findUnique({
    where: { email },
    include: {
      enrollments: { where: { droppedAt: null }, include: { term: { select: { id: true, course: { select: { id: true, title: true } } } } }, take: 1 },
    },
  });
  const enrollment = user?.enrollments[0];
  if (!user || !enrollment) return;
  await db.$transaction(async (tx) => {
    const link = passwordLink(await issuePasswordToken(tx, user.id, "RESET", null));
    await enqueueMail(tx, [{ to: user.email, courseId: enrollment.term.course.id, ...inviteMail(user.name, enrollment.term.course.title, link, "RESET") }]);
    await tx.auditLog.create({
      data: {
        courseId: enrollment.term.course.id,
        termId: enrollment.term.id,
        actorId: user.id,
        action: "password.reset-requested",
        targetId: user.id,
        data: {},
      },
    });
  });
  wakeMailSender();
}
