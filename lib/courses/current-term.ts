// Which term of a course is "current": the one today's URLs (/courses/<slug>/...), user:add and
// grades:export fall back to when no term is named. Rule: among the terms whose dates contain
// now (started, not ended), the latest started; else the latest that has started; else (all in
// the future) the one that starts first.
import type { PrismaClient, Term } from "@/lib/generated/prisma/client";

type Dated = Pick<Term, "startsAt" | "endsAt">;

export function isRunning(t: Dated, now = new Date()): boolean {
  return t.startsAt <= now && (!t.endsAt || t.endsAt > now);
}

export function hasEnded(t: Pick<Term, "endsAt">, now = new Date()): boolean {
  return Boolean(t.endsAt && t.endsAt <= now);
}

export function pickCurrentTerm<T extends Dated>(terms: T[], now = new Date()): T | null {
  const latestFirst = [...terms].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return latestFirst.find((t) => isRunning(t, now)) ?? latestFirst.find((t) => t.startsAt <= now) ?? latestFirst.at(-1) ?? null;
}

export async function currentTerm(db: PrismaClient, courseId: string, now = new Date()): Promise<Term | null> {
  return pickCurrentTerm(await db.term.findMany({ where: { courseId } }), now);
}

/** A term named by slug, or the current one when no slug is given; null when there is none. */
export async function findTerm(db: PrismaClient, courseId: string, termSlug?: string | null, now = new Date()): Promise<Term | null> {
  if (termSlug) return db.term.findUnique({ where: { courseId_slug: { courseId, slug: termSlug } } });
  return currentTerm(db, courseId, now);
}
