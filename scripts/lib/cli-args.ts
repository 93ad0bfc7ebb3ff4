// The term and course commands read their flags the same way: node's parseArgs, then a zod schema;
// a bad flag prints what was wrong and the usage line, and exits 2 (a usage error).
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export function parseCliArgs<S extends z.ZodType>(schema: S, options: NonNullable<ParseArgsConfig["options"]>, usage: string): z.output<S> {
  let values: unknown;
  try {
    values = parseArgs({ options }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => `${i.path.length ? `--${i.path.join(".")}: ` : ""}${i.message}`).join("\n")}\n${usage}`);
    process.exit(2);
  }
  return parsed.data;
}

/** The course with this slug, or exit 1 with `hint` (what to do about it). */
export async function requireCourseBySlug(db: PrismaClient, slug: string, hint: string) {
  const course = await db.course.findUnique({ where: { slug } });
  if (!course) {
    console.error(`No course "${slug}"; ${hint}`);
    process.exit(1);
  }
  return course;
}
