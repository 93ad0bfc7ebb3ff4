// Loading an assignment of a course with its current version, for pages and actions.
import "server-only";
import { getDb } from "@/lib/db";
import type { VersionContent } from "@/lib/assignments/public-view";

/** The assignment and its current version, or null when it does not exist, is hidden, or is not
 * released yet and the viewer is not staff (students cannot tell unreleased from missing). */
export async function findAssignment(courseId: string, slug: string, isStaff: boolean, now = new Date()) {
  const db = await getDb();
  const a = await db.assignment.findUnique({
    where: { courseId_slug: { courseId, slug } },
    include: { currentVersion: { include: { questions: { orderBy: { position: "asc" } } } } },
  });
  if (!a || a.hidden || !a.currentVersion) return null;
  if (!isStaff && a.releaseAt > now) return null;
  return { ...a, currentVersion: a.currentVersion, content: a.currentVersion.content as unknown as VersionContent };
}
