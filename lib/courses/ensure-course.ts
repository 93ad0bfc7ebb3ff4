// Courses and their terms come into being here: from a course folder's course.yaml (courses:sync),
// from the admin page, or (for compatibility) from user:add and start-up for COURSE_SLUG. A course
// always has at least one term: the first is made with it, named after the season it starts in.
import type { PrismaClient, Term } from "@/lib/generated/prisma/client";

/** The demo course's catalog entry; assignments/course.yaml says the same (a test checks). */
export const FIRST_COURSE = {
  slug: "ml-theory",
  title: "Machine-learning theory in the era of large models",
  titleZh: "大模型时代的机器学习理论",
};
/** The demo course's first term, the same a carried-over single-course database gets. */
export const FIRST_TERM = { slug: "2026-autumn", title: "Autumn 2026" };

export type CourseMeta = {
  title: string;
  titleZh?: string | null;
  languages?: string;
  timezone?: string;
  contentDir?: string | null;
  lateDayCount?: number;
  lateDayHours?: number;
};

/** The term slug and title for the season `at` falls in (UTC): 2027-spring, 2027-summer, 2027-autumn. */
export function seasonTerm(at: Date): { slug: string; title: string } {
  const m = at.getUTCMonth();
  const season = m < 5 ? "spring" : m < 8 ? "summer" : "autumn";
  const year = at.getUTCFullYear();
  return { slug: `${year}-${season}`, title: `${season[0]!.toUpperCase()}${season.slice(1)} ${year}` };
}

/** The course with this slug, created (with its first term) if missing; `meta` updates it when given. */
export async function ensureCourse(db: PrismaClient, slug: string, meta?: CourseMeta, now = new Date()): Promise<{ id: string; firstTerm: Term | null }> {
  const fallback = slug === FIRST_COURSE.slug ? FIRST_COURSE : { slug, title: slug, titleZh: null };
  const data = meta ? { slug, ...meta } : fallback;
  const course = await db.course.upsert({ where: { slug }, create: data, update: meta ?? {}, select: { id: true } });
  const firstTerm = await ensureFirstTerm(db, course.id, slug === FIRST_COURSE.slug ? FIRST_TERM : seasonTerm(now), now);
  return { id: course.id, firstTerm };
}

/** Makes the course's first term if it has none (returns it then, else null). */
async function ensureFirstTerm(db: PrismaClient, courseId: string, name: { slug: string; title: string }, now: Date): Promise<Term | null> {
  if (await db.term.count({ where: { courseId } })) return null;
  return db.term.upsert({
    where: { courseId_slug: { courseId, slug: name.slug } },
    create: { courseId, slug: name.slug, title: name.title, startsAt: now },
    update: {},
  });
}
