// Today's URLs (/courses/<slug>, /courses/<slug>/assignments/..., /staff/..., /roster) from before
// terms lead to the same page in a term: the course's current term when the person is in it (or
// is a site admin), else the newest term they are enrolled in. Outsiders get the guard's 404, so a
// redirect never confirms that a course exists.
import "server-only";
import { redirect } from "next/navigation";
import { currentUser, requireCourseRole } from "@/lib/access";
import { getDb } from "@/lib/db";
import { currentTerm } from "@/lib/courses/current-term";

type Search = Record<string, string | string[] | undefined>;

function query(search: Search): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) q.append(k, one);
  const s = q.toString();
  return s ? `?${s}` : "";
}

export async function redirectToTerm(courseSlug: string, rest: string[], search: Search): Promise<never> {
  const tail = `${rest.map(encodeURIComponent).join("/")}${query(search)}`;
  const oldUrl = `/courses/${courseSlug}${rest.length ? `/${tail}` : query(search)}`;
  const user = await currentUser();
  const db = await getDb();
  const course = user ? await db.course.findUnique({ where: { slug: courseSlug } }) : null;
  if (user && course) {
    const current = await currentTerm(db, course.id);
    const mine = await db.enrollment.findMany({
      where: { userId: user.id, droppedAt: null, term: { courseId: course.id } },
      include: { term: true },
      orderBy: { term: { startsAt: "desc" } },
    });
    const target = mine.find((e) => e.termId === current?.id)?.term ?? (user.isAdmin ? current : null) ?? mine[0]?.term;
    if (target) redirect(`/courses/${courseSlug}/${target.slug}${rest.length ? `/${tail}` : query(search)}`);
  }
  // Signed out, outsider or no term: the guard answers (sign-in or 404).
  const { term } = await requireCourseRole(courseSlug, undefined, oldUrl);
  redirect(`/courses/${courseSlug}/${term.slug}${rest.length ? `/${tail}` : query(search)}`);
}
