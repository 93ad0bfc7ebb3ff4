// The limits of one grading, defined once: assignment.yaml's bounds and defaults for a code
// question (lib/assignments/schema.ts takes them from grader/question-spec.ts), the pool's
// fallbacks, and the size of a submission (the submit route refuses larger ones before the
// grader would). Plain values, safe in the web bundle (re-exported by grader/bundle-safe.ts).
export const DEFAULT_TIMEOUT_MS = 5000;
export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 60_000;

export const DEFAULT_MEMORY_MB = 64;
export const MIN_MEMORY_MB = 8;
export const MAX_MEMORY_MB = 512;

/** Largest source (code, proofs, drafts) accepted, in UTF-8 bytes. */
export const MAX_SOURCE_BYTES = 256 * 1024;
