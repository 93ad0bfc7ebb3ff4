// The one place that knows what an LMS context is linked to: one term of a course (an LMS course
// is one offering, so it links to this term's roster, dates and gradebook). Everything else in
// lib/lti asks these functions for "the term of a context" and "the contexts of a term".
import type { PrismaClient, Course, Term } from "@/lib/generated/prisma/client";

export type LinkedTerm = Term & { course: Course };

/** The term's URL segment pair, as pages and course references spell it: ml-theory/2026-autumn. */
export function termPath(t: LinkedTerm): string {
  return `${t.course.slug}/${t.slug}`;
}

type ContextKey = {
  platformId: string;
  contextId: string;
  deploymentId: string;
  title: string;
  lineItemsUrl?: string | undefined;
  membershipsUrl?: string | undefined;
};

/** Records the context (and its service URLs, which platforms may change), linked or not. */
export async function upsertContext(db: PrismaClient, c: ContextKey) {
  const urls = { ...(c.lineItemsUrl ? { lineItemsUrl: c.lineItemsUrl } : {}), ...(c.membershipsUrl ? { membershipsUrl: c.membershipsUrl } : {}) };
  return db.ltiContext.upsert({
    where: { platformId_contextId: { platformId: c.platformId, contextId: c.contextId } },
    create: { platformId: c.platformId, contextId: c.contextId, deploymentId: c.deploymentId, title: c.title, ...urls },
    update: { deploymentId: c.deploymentId, title: c.title, ...urls },
  });
}

export async function linkedTerm(db: PrismaClient, ltiContextId: string): Promise<LinkedTerm | null> {
  const row = await db.ltiContext.findUnique({ where: { id: ltiContextId }, include: { term: { include: { course: true } } } });
  return row?.term ?? null;
}

export async function linkContext(db: PrismaClient, ltiContextId: string, termId: string): Promise<void> {
  await db.ltiContext.update({ where: { id: ltiContextId }, data: { termId } });
}

export async function contextsOfTerm(db: PrismaClient, termId: string) {
  return db.ltiContext.findMany({ where: { termId }, include: { platform: true }, orderBy: { createdAt: "asc" } });
}

/** Every linked context with its term id, for the score scan. */
export async function linkedContexts(db: PrismaClient) {
  const rows = await db.ltiContext.findMany({ where: { termId: { not: null } }, include: { platform: true } });
  return rows.map((r) => ({ ...r, termId: r.termId! }));
}
