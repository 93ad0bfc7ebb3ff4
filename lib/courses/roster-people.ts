// The staff roster's rows: who is on the course, whether they can sign in yet (password set,
// invitation pending, nothing), whether the sign-in throttle has locked them out, and dropped.
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { lockedOutEmails } from "@/lib/courses/roster-actions";

export type SignInState = "password" | "invited" | "expired" | "none";
export type RosterPerson = {
  userId: string;
  name: string;
  email: string;
  studentId: string | null;
  role: Role;
  section: string | null;
  dropped: boolean;
  signIn: SignInState;
  inviteExpires: string | null;
  locked: boolean;
};

export async function rosterPeople(db: PrismaClient, termId: string, now = new Date()): Promise<RosterPerson[]> {
  const enrollments = await db.enrollment.findMany({
    where: { termId },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          studentId: true,
          passwordHash: true,
          passwordTokens: { orderBy: { createdAt: "desc" }, take: 1, select: { usedAt: true, expiresAt: true } },
        },
      },
    },
    orderBy: [{ role: "desc" }, { section: "asc" }, { user: { name: "asc" } }],
  });
  const locked = await lockedOutEmails(
    db,
    enrollments.map((e) => e.user.email),
    now,
  );
  return enrollments.map((e) => {
    const token = e.user.passwordTokens[0];
    const pending = token && !token.usedAt;
    const signIn: SignInState = e.user.passwordHash ? "password" : pending ? (token.expiresAt > now ? "invited" : "expired") : "none";
    return {
      userId: e.userId,
      name: e.user.name,
      email: e.user.email,
      studentId: e.user.studentId,
      role: e.role,
      section: e.section,
      dropped: Boolean(e.droppedAt),
      signIn,
      inviteExpires: signIn === "invited" ? token!.expiresAt.toISOString() : null,
      locked: locked.has(e.user.email),
    };
  });
}
