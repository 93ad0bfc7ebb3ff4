// Loading an assignment of a course with its current version, for pages and actions.
import "server-only";
import { getDb } from "@/lib/db";
import { staffAssignment } from "@/lib/assignments/course-data";
import { isReleasedTo } from "@/lib/grades/release";

/** The assignment and its current version, or null when it does not exist, is hidden, or is not
 * released yet and the viewer is not staff (students cannot tell unreleased from missing). */
export async function findAssignment(termId: string, slug: string, isStaff: boolean, now = new Date()) {
  const a = await staffAssignment(await getDb(), termId, slug);
  if (!a || !isReleasedTo(a, { isStaff }, now)) return null;
  return a;
}
