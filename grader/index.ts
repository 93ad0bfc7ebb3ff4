// Public surface of the grader for the rest of the platform (the submission worker, lib/, scripts).
export { createGraderPool, type GradeRequest, type GraderPool, type PoolOptions } from "./pool";
export { loadCodeQuestion, loadCodeQuestions, type CodeQuestion } from "./code-question";
export { redactReport, detailsVisible, type GradeReport, type TestResult, type GradeStatus, type TestStatus, type RedactOptions } from "./report";
export { sizeRefusal, MAX_SOURCE_BYTES } from "./compile";
export { createRng, seedFrom, type Rng } from "./rng";
