// What assignment.yaml says about grading one code question (its files and limits), as a zod
// shape: lib/assignments/schema.ts builds the full code question from it, and the grading CLI
// validates a question with the same fields, so the grader and the site accept the same bounds.
// Only zod and plain values: safe in the web bundle.
import { z } from "zod";
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS, MAX_MEMORY_MB, MAX_TIMEOUT_MS, MIN_MEMORY_MB, MIN_TIMEOUT_MS } from "./limits";

/** A file named by assignment.yaml: relative, inside the assignment folder. */
export const assignmentFilePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith("/") && !p.split(/[\\/]/).includes(".."), "must be a path inside the assignment folder");

/** The grading fields of a code question, in assignment.yaml's order. */
export const codeGradingShape = {
  starter: assignmentFilePath,
  solution: assignmentFilePath,
  types: assignmentFilePath.optional(),
  tests: z
    .object({ visible: assignmentFilePath.optional(), hidden: assignmentFilePath.optional() })
    .strict()
    .refine((t) => t.visible || t.hidden, "give at least one test file"),
  timeoutMs: z.number().int().min(MIN_TIMEOUT_MS).max(MAX_TIMEOUT_MS).default(DEFAULT_TIMEOUT_MS),
  memoryMb: z.number().int().min(MIN_MEMORY_MB).max(MAX_MEMORY_MB).default(DEFAULT_MEMORY_MB),
};

/** What the pool needs of a validated code question (lib's CodeQuestionSpec is one). */
export type CodeQuestionSettings = { id: string; tests: { visible?: string; hidden?: string }; timeoutMs: number; memoryMb: number };
