// Per-student time policies set once on the roster: an accommodation (extra days on every
// assignment's due date, lib/submissions/policy effectiveDeadlines) and late days granted on top
// of the course budget (lib/grades/late-days). Changes are audited.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";

export type AccommodationInput = { termId: string; userId: string; accommodationDays: number; extraLateDays: number; reason: string; actorId: string };

export async function setAccommodation(db: PrismaClient, input: AccommodationInput): Promise<void> {
  const e = await db.enrollment.findUnique({ where: { userId_termId: { userId: input.userId, termId: input.termId } } });
  if (!e || e.role !== "STUDENT") throw new HttpError(404, "No such student in this course.");
  await db.$transaction([
    db.enrollment.update({ where: { id: e.id }, data: { accommodationDays: input.accommodationDays, extraLateDays: input.extraLateDays } }),
    db.auditLog.create({
      data: {
        termId: input.termId,
        actorId: input.actorId,
        action: "accommodation.set",
        targetId: input.userId,
        data: {
          before: { accommodationDays: e.accommodationDays, extraLateDays: e.extraLateDays },
          after: { accommodationDays: input.accommodationDays, extraLateDays: input.extraLateDays },
          reason: input.reason,
        },
      },
    }),
  ]);
}

/** Every student with their accommodation, granted late days and late days spent. */
export async function courseTimePolicies(db: PrismaClient, termId: string) {
  const [{ course }, rows] = await Promise.all([
    db.term.findUniqueOrThrow({ where: { id: termId }, select: { course: { select: { lateDayCount: true, lateDayHours: true } } } }),
    db.enrollment.findMany({
      where: { termId, role: "STUDENT", droppedAt: null },
      include: { user: { select: { id: true, name: true, email: true } }, lateDaySpends: { select: { days: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  return {
    budget: course.lateDayCount,
    hoursPerDay: course.lateDayHours,
    students: rows.map((r) => ({
      userId: r.user.id,
      name: r.user.name,
      email: r.user.email,
      accommodationDays: r.accommodationDays,
      extraLateDays: r.extraLateDays,
      used: r.lateDaySpends.reduce((n, s) => n + s.days, 0),
    })),
  };
}
