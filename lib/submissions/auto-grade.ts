// Grading of the question types that need no sandbox (numeric, multiple-choice), done by the
// grader worker in the same pipeline as code, with the student's own parameters and option set.
import type { MultipleChoiceQuestionSpec, NumericQuestionSpec } from "@/lib/assignments/schema";
import type { GradeReport } from "@/grader/report";
import { gradeChoice } from "@/lib/question-types/multiple-choice";
import { isCloseEnough, numericAnswer, numericParams } from "@/lib/question-types/numeric";
import type { SeedKey } from "@/lib/question-types/seeds";

function singleTest(points: number, passed: boolean, message: string): GradeReport {
  return {
    score: passed ? points : 0,
    maxScore: points,
    status: "graded",
    tests: [{ name: "answer", score: passed ? points : 0, maxScore: points, status: passed ? "passed" : "failed", visibility: "visible", message }],
  };
}

export function gradeNumericAnswer(files: Record<string, string>, q: NumericQuestionSpec, key: SeedKey, answer: unknown): GradeReport {
  const value = (answer as { value?: unknown } | null)?.value;
  if (typeof value !== "number" || !Number.isFinite(value)) return singleTest(q.points, false, "The answer is not a finite number.");
  const expected = numericAnswer(files, q, numericParams(files, q, key));
  const ok = isCloseEnough(value, expected, q.rtol, q.atol);
  return singleTest(q.points, ok, ok ? "Correct." : "Not within the tolerance of the expected value.");
}

export function gradeChoiceAnswer(q: MultipleChoiceQuestionSpec, answer: unknown): GradeReport {
  const selected = (answer as { selected?: unknown } | null)?.selected;
  const ids = Array.isArray(selected) ? selected.filter((s): s is string => typeof s === "string") : [];
  const { correct } = gradeChoice(q, ids);
  return singleTest(q.points, correct, correct ? "Correct." : q.multiple ? "Not the right set of options." : "Not the right option.");
}
