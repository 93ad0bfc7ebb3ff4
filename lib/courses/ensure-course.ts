// The course that assignments/ is synced into, created on first start (production and demo
// alike). The first course taught on the platform gets its real title; any other slug starts
// with its slug as title until staff rename it.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const FIRST_COURSE = {
  slug: "ml-theory",
  title: "Machine-learning theory in the era of large models",
  titleZh: "大模型时代的机器学习理论",
  term: "Autumn 2026",
};

export async function ensureCourse(db: PrismaClient, slug: string): Promise<{ id: string }> {
  const data = slug === FIRST_COURSE.slug ? FIRST_COURSE : { slug, title: slug, titleZh: null, term: null };
  return db.course.upsert({ where: { slug }, create: data, update: {}, select: { id: true } });
}
