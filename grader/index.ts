// The grader's public entry: the one module lib/ and scripts/ import from grader/ (the lint rules
// hold it). Everything behind it may change shape without touching the domain code. Assignment
// test files are trusted content, not lib/: they import grader/testing and grader/rng directly.
export { createGraderPool, type GradeRequest, type GraderPool, type PoolOptions } from "./pool";
export { detailsVisible, redactReport, roundScore, summarize, type GradeReport, type GradeStatus, type GradeTiming, type RedactOptions, type TestResult, type TestStatus } from "./report";
export { loadTests, type LoadedTest } from "./test-loader";
export { createRng, seedFrom, type Rng } from "./rng";
export type { TestRecord, Visibility } from "./testing";
