// The part of the grader's public API that is safe inside the web server's bundle: the report's
// types and its redaction for students, and the seeded Rng. No child processes, no esbuild, no
// paths computed from this file's location (the bundle has none). grader/index.ts re-exports it.
// Also the limits of a grading and a code question's grading fields, which the site's
// assignment schema and submit route use (defined once, in the grader).
export * from "./limits";
export { assignmentFilePath, codeGradingShape, type CodeQuestionSettings } from "./question-spec";
export {
  detailsVisible,
  redactReport,
  roundScore,
  summarize,
  type GradeReport,
  type GradeStatus,
  type GradeTiming,
  type RedactOptions,
  type TestResult,
  type TestStatus,
} from "./report";
export { createRng, newGradingSeed, seedFrom, type Rng } from "./rng";
export type { TestRecord, Visibility } from "./testing";
