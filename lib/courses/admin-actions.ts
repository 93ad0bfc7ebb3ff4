// What a site admin does on /admin (and POST /api/admin): create a course or a term, copy a term,
// name a term's instructor. Each is audited with the admin as actor.
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";
import { ensureCourse } from "@/lib/courses/ensure-course";
import { copyTerm, createTerm } from "@/lib/courses/terms";
import { courseSlug, termSlug } from "@/lib/courses/slugs";
import { issuePasswordToken, passwordLink } from "@/lib/auth/password-tokens";

const date = z.coerce.date({ error: "must be a date such as 2027-02-20" });
const title = z.string().trim().min(1, "give a title").max(200);

export const adminBody = z.discriminatedUnion("action", [
  z.object({ action: z.literal("course"), slug: courseSlug, title, titleZh: z.string().trim().max(200).optional() }),
  z.object({ action: z.literal("term"), course: courseSlug, slug: termSlug, title: title.optional(), startsAt: date, endsAt: date.optional() }),
  z.object({
    action: z.literal("copy"),
    course: courseSlug,
    from: termSlug,
    to: termSlug,
    title: title.optional(),
    shiftDays: z.number().int().min(-3650).max(3650),
  }),
  z.object({
    action: z.literal("instructor"),
    course: courseSlug,
    term: termSlug,
    email: z.string().trim().toLowerCase().email("give the instructor's email address").max(254),
    name: z.string().trim().min(1, "give the instructor's name").max(200),
  }),
]);
export type AdminAction = z.infer<typeof adminBody>;

async function courseId(db: PrismaClient, slug: string): Promise<string> {
  const c = await db.course.findUnique({ where: { slug }, select: { id: true } });
  if (!c) throw new HttpError(404, `No course "${slug}"; create it first.`);
  return c.id;
}

export async function runAdminAction(db: PrismaClient, adminId: string, a: AdminAction): Promise<{ message: string; link?: string }> {
  switch (a.action) {
    case "course": {
      if (await db.course.findUnique({ where: { slug: a.slug } })) throw new HttpError(409, `A course "${a.slug}" exists already; choose another slug.`);
      const c = await ensureCourse(db, a.slug, { title: a.title, titleZh: a.titleZh || null });
      await db.auditLog.create({
        data: { courseId: c.id, termId: c.firstTerm?.id ?? null, actorId: adminId, action: "course.create", targetId: c.id, data: { slug: a.slug } },
      });
      return { message: `Course ${a.slug} created with its first term ${c.firstTerm?.slug ?? ""}.` };
    }
    case "term": {
      const t = await createTerm(db, {
        courseId: await courseId(db, a.course),
        slug: a.slug,
        title: a.title,
        startsAt: a.startsAt,
        endsAt: a.endsAt ?? null,
        actorId: adminId,
      });
      return { message: `Term ${a.course}/${t.slug} created.` };
    }
    case "copy": {
      const r = await copyTerm(db, {
        courseId: await courseId(db, a.course),
        from: a.from,
        to: a.to,
        title: a.title,
        shiftDays: a.shiftDays,
        actorId: adminId,
      });
      return { message: `Term ${a.course}/${r.term.slug} created with ${r.assignments} assignments from ${a.from}.` };
    }
    case "instructor": {
      const term = await db.term.findUnique({ where: { courseId_slug: { courseId: await courseId(db, a.course), slug: a.term } } });
      if (!term) throw new HttpError(404, `No term "${a.term}" in ${a.course}.`);
      return db.$transaction(async (tx) => {
        const user = await tx.user.upsert({ where: { email: a.email }, create: { email: a.email, name: a.name }, update: {} });
        await tx.enrollment.upsert({
          where: { userId_termId: { userId: user.id, termId: term.id } },
          create: { userId: user.id, termId: term.id, role: "INSTRUCTOR" },
          update: { role: "INSTRUCTOR", droppedAt: null },
        });
        await tx.auditLog.create({
          data: { courseId: term.courseId, termId: term.id, actorId: adminId, action: "admin.instructor", targetId: user.id, data: { email: a.email } },
        });
        // Someone new has no password yet: the admin hands them a single-use link.
        const link = user.passwordHash ? undefined : passwordLink(await issuePasswordToken(tx, user.id, "INVITE", adminId));
        return { message: `${a.email} is an instructor of ${a.course}/${a.term}.`, ...(link ? { link } : {}) };
      });
    }
  }
}

/** Every course with its terms and instructors, for the admin page. */
export async function adminOverview(db: PrismaClient) {
  return db.course.findMany({
    orderBy: { slug: "asc" },
    include: {
      terms: {
        orderBy: { startsAt: "desc" },
        include: {
          enrollments: { where: { role: "INSTRUCTOR", droppedAt: null }, include: { user: { select: { email: true, name: true } } } },
          _count: { select: { enrollments: true, assignments: true } },
        },
      },
    },
  });
}
