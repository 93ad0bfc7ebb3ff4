// Who a launch is: the account linked to the platform's `sub`, else the user with the launch's
// email (then linked), else a new user. The email is required the first time: without it we could
// not match the person to a roster row, and the LMS admin can turn it on (privacy settings).
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { LaunchRefused } from "@/lib/lti/refusal";

export type LtiPerson = { sub: string; email?: string | undefined; name?: string | undefined };

export async function userForLaunch(db: PrismaClient, platformId: string, p: LtiPerson) {
  const account = await db.ltiAccount.findUnique({ where: { platformId_sub: { platformId, sub: p.sub } }, include: { user: true } });
  if (account) return account.user;
  if (!p.email) throw new LaunchRefused("no-email", 400);
  const email = p.email.toLowerCase();
  const user = await db.user.upsert({ where: { email }, create: { email, name: p.name?.trim() || email.split("@")[0]! }, update: {} });
  await db.ltiAccount.upsert({ where: { platformId_sub: { platformId, sub: p.sub } }, create: { platformId, sub: p.sub, userId: user.id }, update: {} });
  return user;
}

/** Puts the person in the course with the LMS role; a dropped person stays out. */
export async function enrollFromLaunch(db: PrismaClient, userId: string, termId: string, role: Role) {
  const existing = await db.enrollment.findUnique({ where: { userId_termId: { userId, termId } } });
  if (existing?.droppedAt) throw new LaunchRefused("dropped", 403);
  if (!existing) return db.enrollment.create({ data: { userId, termId, role } });
  if (existing.role === role) return existing;
  await db.auditLog.create({ data: { termId, actorId: null, action: "lti.role", targetId: userId, data: { from: existing.role, to: role } } });
  return db.enrollment.update({ where: { id: existing.id }, data: { role } });
}
