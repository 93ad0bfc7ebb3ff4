// Per-student time policies set once on the roster: an accommodation (extra days on every
// assignment's due date, lib/submissions/policy effectiveDeadlines) and late days granted on top
// of the course budget (lib/grades/late-days). Changes are audited.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";

export type AccommodationInput = { courseId: string; userId: string; accommodationDays: number; extraLateDays: number; reason: string; actorId: string };

export async function setAccommodation(db: PrismaClient, input: AccommodationInput): Promise<void> {
  const e = await db.enrollment.findUnique({ where: { userId_courseId: { userId: input.userId, courseId: input.courseId } } });
  if (!e || e.role !== "STUDENT") throw new HttpError(404, "No such student in this course.");
  await db.$transaction([
    db.enrollment.update({ where: { id: e.id }, data: { accommodationDays: input.accommodationDays, extraLateDays: input.extraLateDays } }),
    db.auditLog.create({
      data: {
        courseId: input.courseId,
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
export async function courseTimePolicies(db: PrismaClient, courseId: string) {
  const [course, rows] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: courseId }, select: { lateDayCount: true, lateDayHours: true } }),
    db.enrollment.findMany({
      where: { courseId, role: "STUDENT", droppedAt: null },
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
