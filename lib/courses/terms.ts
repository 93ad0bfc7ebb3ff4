// Terms of a course, managed by site admins (and instructors, for copying their own term): create
// one, copy one to the next (assignments, their current content and rubric, dates shifted; never
// people or work), and set one assignment's dates in the site (which sync then keeps).
import type { PrismaClient, Term } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";

const DAY_MS = 24 * 3600_000;

export type NewTerm = { courseId: string; slug: string; title?: string | undefined; startsAt: Date; endsAt?: Date | null | undefined; actorId?: string | null };

function defaultTitle(slug: string): string {
  const [year, ...rest] = slug.split("-");
  const words = rest.join(" ");
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} ${year}`;
}

async function refuseTaken(db: PrismaClient, courseId: string, slug: string) {
  if (await db.term.findUnique({ where: { courseId_slug: { courseId, slug } } }))
    throw new HttpError(409, `The course already has a term "${slug}"; choose another slug.`);
}

export async function createTerm(db: PrismaClient, t: NewTerm): Promise<Term> {
  await refuseTaken(db, t.courseId, t.slug);
  if (t.endsAt && t.endsAt <= t.startsAt) throw new HttpError(422, "The term ends before it starts; check the end date.");
  const term = await db.term.create({
    data: { courseId: t.courseId, slug: t.slug, title: t.title ?? defaultTitle(t.slug), startsAt: t.startsAt, endsAt: t.endsAt ?? null },
  });
  await db.auditLog.create({
    data: { courseId: t.courseId, termId: term.id, actorId: t.actorId ?? null, action: "term.create", targetId: term.id, data: { slug: t.slug } },
  });
  return term;
}

export type TermCopy = {
  courseId: string;
  from: string;
  to: string;
  title?: string | undefined;
  /** Either a shift in days, or the new term's start (the shift is then start - old start). */
  shiftDays?: number | undefined;
  startsAt?: Date | undefined;
  actorId?: string | null;
};

const shifted = (d: Date, ms: number) => new Date(d.getTime() + ms);

export async function copyTerm(db: PrismaClient, c: TermCopy): Promise<{ term: Term; assignments: number; shiftDays: number }> {
  const from = await db.term.findUnique({ where: { courseId_slug: { courseId: c.courseId, slug: c.from } } });
  if (!from) throw new HttpError(404, `No term "${c.from}" in this course to copy from.`);
  await refuseTaken(db, c.courseId, c.to);
  if ((c.shiftDays === undefined) === (c.startsAt === undefined)) throw new HttpError(422, "Give either a shift in days or the new term's start date.");
  const ms = c.startsAt ? c.startsAt.getTime() - from.startsAt.getTime() : c.shiftDays! * DAY_MS;
  const assignments = await db.assignment.findMany({
    where: { termId: from.id, hidden: false, currentVersionId: { not: null } },
    include: { currentVersion: { include: { questions: true } }, rubricItems: true },
    orderBy: { position: "asc" },
  });
  const term = await db.$transaction(
    async (tx) => {
      const term = await tx.term.create({
        data: {
          courseId: c.courseId,
          slug: c.to,
          title: c.title ?? defaultTitle(c.to),
          startsAt: shifted(from.startsAt, ms),
          endsAt: from.endsAt ? shifted(from.endsAt, ms) : null,
          copiedFromId: from.id,
        },
      });
      for (const a of assignments) {
        const v = a.currentVersion!;
        // Shifted dates count as set in the site: the next sync must not put last term's back.
        const copy = await tx.assignment.create({
          data: {
            termId: term.id,
            slug: a.slug,
            title: a.title,
            titleZh: a.titleZh,
            summary: a.summary,
            summaryZh: a.summaryZh,
            releaseAt: shifted(a.releaseAt, ms),
            dueAt: shifted(a.dueAt, ms),
            lateUntil: a.lateUntil ? shifted(a.lateUntil, ms) : null,
            latePenalty: a.latePenalty,
            policy: a.policy,
            challenge: a.challenge,
            position: a.position,
            datesSetAt: new Date(),
          },
        });
        const version = await tx.assignmentVersion.create({
          data: {
            assignmentId: copy.id,
            number: 1,
            contentHash: v.contentHash,
            content: v.content as object,
            questions: {
              create: v.questions.map((q) => ({
                key: q.key,
                type: q.type,
                title: q.title,
                points: q.points,
                position: q.position,
                config: q.config as object,
              })),
            },
          },
        });
        await tx.assignment.update({ where: { id: copy.id }, data: { currentVersionId: version.id } });
        if (a.rubricItems.length)
          await tx.rubricItem.createMany({
            data: a.rubricItems.map((r) => ({
              assignmentId: copy.id,
              questionKey: r.questionKey,
              key: r.key,
              points: r.points,
              description: r.description,
              position: r.position,
            })),
          });
      }
      await tx.auditLog.create({
        data: {
          courseId: c.courseId,
          termId: term.id,
          actorId: c.actorId ?? null,
          action: "term.copy",
          targetId: from.id,
          data: { from: c.from, to: c.to, shiftMs: ms },
        },
      });
      return term;
    },
    { timeout: 60_000 },
  );
  return { term, assignments: assignments.length, shiftDays: ms / DAY_MS };
}

export type DatesEdit = { termId: string; assignmentSlug: string; releaseAt: Date; dueAt: Date; lateUntil: Date | null; actorId: string };

/** Staff set one assignment's dates for their term; sync keeps them from now on (datesSetAt). */
export async function setAssignmentDates(db: PrismaClient, e: DatesEdit): Promise<void> {
  const a = await db.assignment.findUnique({ where: { termId_slug: { termId: e.termId, slug: e.assignmentSlug } } });
  if (!a) throw new HttpError(404, "No such assignment in this term.");
  if (e.dueAt < e.releaseAt) throw new HttpError(422, "The due date is before the release; check both.");
  if (e.lateUntil && e.lateUntil < e.dueAt) throw new HttpError(422, "The late window closes before the due date; check both.");
  await db.$transaction([
    db.assignment.update({ where: { id: a.id }, data: { releaseAt: e.releaseAt, dueAt: e.dueAt, lateUntil: e.lateUntil, datesSetAt: new Date() } }),
    db.auditLog.create({
      data: {
        termId: e.termId,
        actorId: e.actorId,
        action: "assignment.dates",
        targetId: a.id,
        data: { assignment: a.slug, releaseAt: e.releaseAt.toISOString(), dueAt: e.dueAt.toISOString(), lateUntil: e.lateUntil?.toISOString() ?? null },
      },
    }),
  ]);
}
