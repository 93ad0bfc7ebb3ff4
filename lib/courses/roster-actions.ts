// What staff do to people already on the roster: drop (work kept, hidden from the gradebook by
// default, course closed to them), reactivate, change role or section, and lift a sign-in lock-out.
// TAs act on students only and change no roles; no one changes their own role or drops themselves.
// Every change is one transaction with its audit entry.
import { HttpError } from "@/lib/http/http-error";
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { MAX_FAILURES_PER_EMAIL, WINDOW_MS } from "@/lib/auth/signin-throttle";

export type RosterAction =
  | { action: "drop" | "reactivate" | "unlock"; userIds: string[] }
  | { action: "role"; userIds: string[]; role: Role }
  | { action: "section"; userIds: string[]; section: string | null };

export async function applyRosterAction(db: PrismaClient, termId: string, actor: { id: string; role: Role }, a: RosterAction): Promise<{ changed: number }> {
  const targets = await db.enrollment.findMany({ where: { termId, userId: { in: a.userIds } }, include: { user: { select: { email: true } } } });
  if (targets.length !== new Set(a.userIds).size) throw new HttpError(404, "Some of these people are not on this course's roster; reload the page.");
  for (const t of targets) {
    if (t.userId === actor.id && (a.action === "role" || a.action === "drop"))
      throw new HttpError(422, `You cannot ${a.action === "drop" ? "drop yourself" : "change your own role"}; ask another instructor.`);
    if (actor.role !== "INSTRUCTOR" && (t.role !== "STUDENT" || a.action === "role"))
      throw new HttpError(422, "Only an instructor can change roles or act on TAs and instructors.");
  }
  const ids = targets.map((t) => t.id);
  return db.$transaction(async (tx) => {
    let changed = 0;
    switch (a.action) {
      case "drop":
        changed = (await tx.enrollment.updateMany({ where: { id: { in: ids }, droppedAt: null }, data: { droppedAt: new Date() } })).count;
        break;
      case "reactivate":
        changed = (await tx.enrollment.updateMany({ where: { id: { in: ids }, droppedAt: { not: null } }, data: { droppedAt: null } })).count;
        break;
      case "role":
        changed = (await tx.enrollment.updateMany({ where: { id: { in: ids }, role: { not: a.role } }, data: { role: a.role } })).count;
        break;
      case "section":
        changed = (await tx.enrollment.updateMany({ where: { id: { in: ids } }, data: { section: a.section } })).count;
        break;
      case "unlock":
        changed = (await tx.signInAttempt.deleteMany({ where: { email: { in: targets.map((t) => t.user.email) }, success: false } })).count;
        break;
    }
    await tx.auditLog.create({
      data: {
        termId,
        actorId: actor.id,
        action: `roster.${a.action}`,
        targetId: a.userIds.length === 1 ? a.userIds[0]! : null,
        data: { userIds: a.userIds, changed, ...(a.action === "role" ? { role: a.role } : {}), ...(a.action === "section" ? { section: a.section } : {}) },
      },
    });
    return { changed };
  });
}

/** Emails among these that the sign-in throttle refuses right now. */
export async function lockedOutEmails(db: PrismaClient, emails: string[], now = new Date()): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const rows = await db.signInAttempt.groupBy({
    by: ["email"],
    where: { email: { in: emails }, success: false, createdAt: { gt: new Date(now.getTime() - WINDOW_MS) } },
    _count: { _all: true },
  });
  return new Set(rows.filter((r) => r._count._all >= MAX_FAILURES_PER_EMAIL).map((r) => r.email));
}
