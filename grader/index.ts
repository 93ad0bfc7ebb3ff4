// The grader's public entry for Node processes (the worker, the CLIs, the staff check's child
// process): the pool and the test loader, plus everything in bundle-safe.ts. These are the only
// two modules lib/ and scripts/ import from grader/ (the lint rules hold it); web-bundled lib code
// takes its values from "@/grader/bundle-safe", since the pool finds its child script on disk.
// Assignment test files are trusted content, not lib/: they import grader/testing and grader/rng.
export * from "./bundle-safe";
export { createGraderPool, type GradeRequest, type GraderPool, type PoolOptions } from "./pool";
export { loadTests, type LoadedTest } from "./test-loader";
export { readCodeQuestion, readCodeQuestions } from "./code-question";
