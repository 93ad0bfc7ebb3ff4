// The JSON bodies the student's browser sends, validated at the edge.
import { z } from "zod";
import { courseRef } from "@/lib/courses/slugs";

const slug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-_]*$/, "is not a valid identifier");

export const submitBodySchema = z
  .object({
    course: courseRef,
    assignment: slug,
    question: slug,
    kind: z.enum(["SUBMIT", "RUN"]).default("SUBMIT"),
    code: z
      .string()
      .max(2 * 1024 * 1024)
      .optional(),
    answer: z.unknown().optional(),
    clientToken: z
      .string()
      .min(8)
      .max(100)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
  })
  .strict();

export const draftBodySchema = z.object({ course: courseRef, assignment: slug, question: slug, content: z.string().max(2 * 1024 * 1024) }).strict();

export const submissionIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+$/);

/** A regrade request: one question's graded submission, optionally a test or rubric item, a short explanation. */
export const regradeRequestBodySchema = z
  .object({
    course: courseRef,
    submissionId: submissionIdSchema,
    target: z.string().trim().min(1).max(200, "name a test or rubric item from the list").nullable().default(null),
    text: z
      .string({ error: "explain what should be looked at again" })
      .trim()
      .min(10, "explain in at least 10 characters what should be looked at again")
      .max(2000, "keep the explanation under 2,000 characters"),
  })
  .strict();
