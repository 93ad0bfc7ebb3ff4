// The one place that knows what an LMS context is linked to: today a Course row; after courses
// get terms, the term (move courseId → termId here, and nothing else changes). Everything else in
// lib/lti asks these functions for "the course of a context" and "the contexts of a course".
import type { PrismaClient, Course } from "@/lib/generated/prisma/client";

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

export async function linkedCourse(db: PrismaClient, ltiContextId: string): Promise<Course | null> {
  const row = await db.ltiContext.findUnique({ where: { id: ltiContextId }, include: { course: true } });
  return row?.course ?? null;
}

export async function linkContext(db: PrismaClient, ltiContextId: string, courseId: string): Promise<void> {
  await db.ltiContext.update({ where: { id: ltiContextId }, data: { courseId } });
}

export async function contextsOfCourse(db: PrismaClient, courseId: string) {
  return db.ltiContext.findMany({ where: { courseId }, include: { platform: true }, orderBy: { createdAt: "asc" } });
}

/** Every linked context with its course id, for the score scan. */
export async function linkedContexts(db: PrismaClient) {
  const rows = await db.ltiContext.findMany({ where: { courseId: { not: null } }, include: { platform: true } });
  return rows.map((r) => ({ ...r, courseId: r.courseId! }));
}
