// Grading a submission by its question type: code in the sandbox pool (against the files of the
// version it answered), numeric and multiple-choice here, with the student's own parameters and
// option set. The grader worker and the demo seed both grade through gradeSubmission.
import type { MultipleChoiceQuestionSpec, NumericQuestionSpec } from "@/lib/assignments/schema";
import type { VersionContent } from "@/lib/assignments/version-content";
import { materializeVersion } from "@/lib/assignments/materialize";
import type { GradeReport, GraderPool } from "@/grader";
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

/** `gradingSeed`: the seed of the hidden tests' random inputs (null for submissions from before seeds: a fresh one). */
export type GradableSubmission = {
  userId: string;
  questionKey: string;
  kind: "SUBMIT" | "RUN";
  code: string | null;
  answer: unknown;
  gradingSeed?: string | null;
};
export type GradableVersion = { courseSlug: string; assignmentSlug: string; contentHash: string; content: VersionContent };

/** The report for one submission; `codePool` is asked for only when the question is code. Proofs are graded by staff. */
export async function gradeSubmission(s: GradableSubmission, v: GradableVersion, codePool: () => Promise<GraderPool>): Promise<GradeReport> {
  const spec = v.content.spec.questions.find((q) => q.id === s.questionKey);
  if (!spec) throw new Error(`question ${s.questionKey} is missing from this version of ${v.assignmentSlug}`);
  if (spec.type === "code") {
    const dir = materializeVersion(v.assignmentSlug, v.contentHash, v.content.files);
    return (await codePool()).grade({
      assignmentDir: dir,
      question: spec,
      source: s.code ?? "",
      include: s.kind === "RUN" ? "visible" : "all",
      ...(s.gradingSeed ? { seed: s.gradingSeed } : {}),
    });
  }
  if (spec.type === "numeric") {
    return gradeNumericAnswer(v.content.files, spec, { course: v.courseSlug, assignment: v.assignmentSlug, question: spec.id, student: s.userId }, s.answer);
  }
  if (spec.type === "multiple-choice") return gradeChoiceAnswer(spec, s.answer);
  throw new Error("proof submissions are graded by staff, not by the worker");
}
