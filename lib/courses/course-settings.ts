// Course-wide policies that live with the course's content, in course.yaml (read and validated
// by lib/courses/course-folder.ts). Today: the late-day budget; the sync writes it onto the Course
// row, and every rule reads the row (lib/grades/late-days.ts).
import { z } from "zod";

export const lateDaysSchema = z
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
  .strict();

export type CourseSettings = { lateDayCount: number; lateDayHours: number };
export const NO_LATE_DAYS: CourseSettings = { lateDayCount: 0, lateDayHours: 24 };

/** The Course row's settings for course.yaml's `lateDays` (none: no late days). */
export function courseSettingsOf(lateDays: z.infer<typeof lateDaysSchema> | undefined): CourseSettings {
  return lateDays ? { lateDayCount: lateDays.count, lateDayHours: lateDays.hoursPerDay } : NO_LATE_DAYS;
}
