// Course-wide policies that live with the course's content: `<ASSIGNMENTS_DIR>/course.yaml`
// (optional). Today it holds the late-day budget; the sync writes it onto the Course row, and every
// rule reads the row (lib/grades/late-days.ts). One reader, so a richer course file can take it over.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const courseSettingsSchema = z
  .object({
    lateDays: z
      .object({
        count: z.number().int().min(0).max(365).describe("Late days each student may spend over the course"),
        hoursPerDay: z
          .number()
          .int()
          .min(1)
          .max(24 * 7)
          .default(24)
          .describe("How many hours after the due date one late day covers"),
      })
      .strict()
      .optional(),
  })
  .passthrough();

export type CourseSettings = { lateDayCount: number; lateDayHours: number };
export const NO_LATE_DAYS: CourseSettings = { lateDayCount: 0, lateDayHours: 24 };

/** The settings in `dir/course.yaml`; without the file, no late days. A bad file stops the sync with a message naming it. */
export async function readCourseSettings(dir: string): Promise<CourseSettings> {
  const file = path.join(dir, "course.yaml");
  const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return null;
    throw e;
  });
  if (text === null) return NO_LATE_DAYS;
  const parsed = courseSettingsSchema.safeParse(parse(text) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".") || "(top)"} ${issue.message}`);
  }
  const ld = parsed.data.lateDays;
  return ld ? { lateDayCount: ld.count, lateDayHours: ld.hoursPerDay } : NO_LATE_DAYS;
}

export async function writeCourseSettings(db: PrismaClient, courseId: string, s: CourseSettings): Promise<void> {
  await db.course.update({ where: { id: courseId }, data: { lateDayCount: s.lateDayCount, lateDayHours: s.lateDayHours } });
}
