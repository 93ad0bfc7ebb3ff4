// Input schemas of the staff route handlers (zod at the edge; messages say what to fix).
import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/export/gradebook-csv";
import { termSlug } from "@/lib/courses/slugs";

export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-_]*$/, "must be a slug such as xor-ln-net")
  .max(64);
export const id = z.string().min(1).max(64);
const reason = z.string().trim().min(3, "give a reason of at least 3 characters").max(500, "keep the reason under 500 characters");

export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "format must be canvas or long" }),
  /** Scores students cannot see yet (lib/grades/release) are left out unless asked for. */
  unreleased: z.enum(["exclude", "include"], { error: "unreleased must be exclude or include" }).default("exclude"),
  assignment: slug.optional(),
  section: z.string().max(64).optional(),
});

export const overrideBody = z.object({
  assignment: slug,
  question: slug,
  userId: id,
  score: z.number().finite().nullable(),
  reason,
});

export const gradingBody = z.object({
  submissionId: id,
  itemIds: z.array(id).max(50),
  comment: z.string().max(10_000, "keep the comment under 10,000 characters"),
  adjustment: z.number().finite().min(-1000).max(1000),
  revision: z.number().int().min(0),
});

export const rubricBody = z.object({
  rubricItemId: id,
  points: z.number().finite().min(-1000).max(1000),
  description: z.string().trim().min(1, "the description must not be empty").max(1000),
});

export const extensionBody = z.object({
  assignment: slug,
  userId: id,
  dueAt: z.iso.datetime({ offset: true, error: "dueAt must be a date and time with a zone" }).transform((s) => new Date(s)),
  lateUntil: z.iso
    .datetime({ offset: true, error: "lateUntil must be a date and time with a zone" })
    .transform((s) => new Date(s))
    .nullable()
    .optional(),
  reason: z.string().trim().max(500).default(""),
});

export const extensionDelete = z.object({ extensionId: id });

export const rosterBody = z.object({
  csv: z.string().min(1, "paste or choose a CSV file first").max(1_000_000, "the CSV is over 1 MB; split it into smaller files"),
  commit: z.boolean().default(false),
});

/** `version`: the version number to grade against; omitted, the current one. */
export const regradeBody = z.object({ assignment: slug, question: slug, version: z.number().int().positive().max(1_000_000).optional() });
export const regradeQuery = z.object({ batch: id });
export const checkBody = z.object({ assignment: slug });

const userIds = z.array(id).min(1, "choose at least one person").max(2000, "at most 2,000 people at once");
export const peopleBody = z.discriminatedUnion(
  "action",
  [
    z
      .object({ action: z.literal("invite"), userIds: userIds.optional(), all: z.boolean().optional() })
      .refine((b) => Boolean(b.userIds) !== Boolean(b.all), "give userIds, or all: true for everyone without a password"),
    z.object({ action: z.enum(["drop", "reactivate", "unlock"]), userIds }),
    z.object({ action: z.literal("role"), userIds, role: z.enum(["STUDENT", "TA", "INSTRUCTOR"], { error: "role must be STUDENT, TA or INSTRUCTOR" }) }),
    z.object({
      action: z.literal("section"),
      userIds,
      section: z
        .string()
        .trim()
        .max(64, "keep the section under 64 characters")
        .transform((s) => s || null)
        .nullable(),
    }),
  ],
  { error: "action must be invite, drop, reactivate, unlock, role or section" },
);

// Terms (lib/courses/terms.ts): an instructor copies their term, or sets one assignment's dates.
const isoDate = z.coerce.date({ error: "must be a date such as 2027-03-15T23:59:00Z" });
export const termCopyBody = z
  .object({
    to: termSlug,
    title: z.string().trim().min(1).max(100).optional(),
    shiftDays: z.number().int("shift by whole days").min(-3650).max(3650).optional(),
    startsAt: isoDate.optional(),
  })
  .refine((b) => (b.shiftDays === undefined) !== (b.startsAt === undefined), { message: "give either shiftDays or startsAt", path: ["shiftDays"] });

export const datesBody = z.object({ assignment: slug, releaseAt: isoDate, dueAt: isoDate, lateUntil: isoDate.nullable().default(null) });

export const releaseBody = z.object({ assignment: slug, published: z.boolean({ error: "published must be true (publish) or false (unpublish)" }) });

const dayCount = (what: string) =>
  z
    .number({ error: `${what} must be a whole number of days` })
    .int(`${what} must be a whole number of days`)
    .min(0, `${what} cannot be negative`)
    .max(365, `${what} is at most 365 days`);
export const accommodationBody = z.object({
  userId: id,
  accommodationDays: dayCount("accommodationDays"),
  extraLateDays: dayCount("extraLateDays"),
  reason: z.string().trim().max(500, "keep the reason under 500 characters").default(""),
});

export const regradeAnswerBody = z.object({
  requestId: id,
  action: z.enum(["reply", "escalate", "resolve", "reopen"], { error: "action must be reply, escalate, resolve or reopen" }),
  text: z.string().trim().min(2, "write the answer the student will read").max(2000, "keep the answer under 2,000 characters"),
});
