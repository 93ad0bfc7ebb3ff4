// The assignment.yaml format, validated with zod and published as assignments/schema.json
// (scripts/assignments-schema.ts writes it; a test checks it is up to date).
import { z } from "zod";
import { assignmentFilePath, codeGradingShape } from "@/grader/bundle-safe";
import { creditSchema } from "@/lib/grades/credit";

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-_]*$/, "use lowercase letters, digits, '-' and '_'")
  .max(64);
const relPath = assignmentFilePath;
// Dates are ISO 8601 strings with a time zone (YAML leaves them as strings), e.g. 2026-12-15T23:59:00Z.
const date = z
  .string({ error: "must be a date such as 2026-12-15T23:59:00Z" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, "must be a date with time and zone, such as 2026-12-15T23:59:00Z")
  .transform((s) => new Date(s))
  .refine((d) => !Number.isNaN(d.getTime()), "is not a real date");

export const limitsSchema = z
  .object({
    maxAttempts: z.number().int().positive().optional().describe("Most submissions a student may make"),
    perWindow: z.number().int().positive().optional().describe("At most this many submissions..."),
    windowMinutes: z.number().positive().optional().describe("...within this many minutes"),
  })
  .strict();

// `release:` is already the assignment's opening date, so the grade-release switch is `gradeRelease`.
export const gradeReleaseSchema = z
  .enum(["auto", "manual"])
  .describe("auto: students see grades as soon as they exist; manual: scores people give (rubric, comments, overrides) wait for staff's Publish");

const questionCommon = {
  id,
  title: z.string().min(1, "must not be empty"),
  title_zh: z.string().optional(),
  prompt: relPath.optional().describe("Markdown file with the question's prompt"),
  limits: limitsSchema.optional(),
  gradeRelease: gradeReleaseSchema.optional().describe("This question's own release mode (default: the assignment's)"),
};

export const codeQuestionSchema = z
  .object({
    ...questionCommon,
    type: z.literal("code"),
    // Files and time/memory limits: the grader's own shape, so both accept the same bounds.
    ...codeGradingShape,
    leaderboard: z
      .object({ metric: z.string().min(1), order: z.enum(["asc", "desc"]).default("asc") })
      .strict()
      .optional()
      .describe("Challenge questions: the report metric ranked on the leaderboard"),
  })
  .strict();

export const numericQuestionSchema = z
  .object({
    ...questionCommon,
    type: z.literal("numeric"),
    generator: relPath.describe("TypeScript module exporting generate(rng) and answer(params)"),
    points: z.number().positive(),
    rtol: z.number().min(0).default(1e-6),
    atol: z.number().min(0).default(0),
    credit: creditSchema.optional(),
  })
  .strict();

export const multipleChoiceQuestionSchema = z
  .object({
    ...questionCommon,
    type: z.literal("multiple-choice"),
    multiple: z.boolean().default(false),
    points: z.number().positive(),
    options: z
      .array(z.object({ id, text: z.string().min(1), text_zh: z.string().optional(), correct: z.boolean().default(false) }).strict())
      .min(2, "give at least two options"),
    credit: creditSchema.optional(),
  })
  .strict();

export const proofQuestionSchema = z
  .object({
    ...questionCommon,
    type: z.literal("proof"),
    points: z.number().positive(),
    rubric: z
      .array(z.object({ id, points: z.number(), description: z.string().min(1), description_zh: z.string().optional() }).strict())
      .min(1, "give at least one rubric item"),
  })
  .strict();

export const questionSchema = z.discriminatedUnion("type", [codeQuestionSchema, numericQuestionSchema, multipleChoiceQuestionSchema, proofQuestionSchema]);

export const assignmentSchema = z
  .object({
    title: z.string().min(1, "must not be empty"),
    title_zh: z.string().optional(),
    summary: z.string().default(""),
    summary_zh: z.string().optional(),
    statement: relPath.optional(),
    release: date,
    due: date,
    late: z
      .object({ until: date, penalty: z.number().min(0).max(1) })
      .strict()
      .optional(),
    policy: z.enum(["best", "latest"]).default("best"),
    limits: limitsSchema.default({ perWindow: 10, windowMinutes: 10 }),
    challenge: z.boolean().default(false),
    position: z.number().int().optional().describe("Order on the course page (default: by due date)"),
    gradeRelease: gradeReleaseSchema.default("auto"),
    hideScoresUntilRelease: z
      .boolean()
      .default(false)
      .describe("Exam style: with gradeRelease manual, students see no scores at all (auto-graded ones and totals too) until Publish"),
    maxLateDays: z.number().int().min(0).optional().describe("Most late days (course.yaml lateDays) a student may spend on this assignment"),
    regradeWindowDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .default(7)
      .describe("Days a student may ask for a regrade, from the grade's release (Publish, or the due date under auto release); 0: no regrade requests"),
    questions: z.array(questionSchema).min(1, "an assignment needs at least one question"),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.due < a.release) ctx.addIssue({ code: "custom", path: ["due"], message: "is before release" });
    if (a.late && a.late.until < a.due) ctx.addIssue({ code: "custom", path: ["late", "until"], message: "is before due" });
    if (a.hideScoresUntilRelease && a.gradeRelease !== "manual")
      ctx.addIssue({ code: "custom", path: ["hideScoresUntilRelease"], message: "needs gradeRelease: manual (scores are held until staff publish)" });
    const seen = new Set<string>();
    a.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `"${q.id}" is used twice` });
      seen.add(q.id);
    });
  });

export type AssignmentSpec = z.infer<typeof assignmentSchema>;
export type QuestionSpec = z.infer<typeof questionSchema>;
export type CodeQuestionSpec = z.infer<typeof codeQuestionSchema>;
export type NumericQuestionSpec = z.infer<typeof numericQuestionSchema>;
export type MultipleChoiceQuestionSpec = z.infer<typeof multipleChoiceQuestionSchema>;
export type ProofQuestionSpec = z.infer<typeof proofQuestionSchema>;

/** The JSON Schema editors use to complete assignment.yaml. */
export function assignmentJsonSchema(): unknown {
  return z.toJSONSchema(assignmentSchema, { io: "input", unrepresentable: "any" });
}
