// Numeric questions: each student gets parameters from the question's generate(rng) and is graded
// against answer(params) with rtol/atol, on the server.
import type { NumericQuestionSpec } from "@/lib/assignments/schema";
import { loadTrustedModule, TrustedModuleError } from "@/lib/question-types/trusted-module";
import { studentRng, type SeedKey } from "@/lib/question-types/seeds";
import type { Rng } from "@/grader";

type Generator = { generate: (rng: Rng) => Record<string, unknown>; answer: (params: Record<string, unknown>) => number };

export function numericGenerator(files: Record<string, string>, q: NumericQuestionSpec): Generator {
  const source = files[q.generator];
  if (source === undefined) throw new TrustedModuleError(`generator file "${q.generator}" is missing`);
  const mod = loadTrustedModule(source, q.generator);
  if (typeof mod.generate !== "function" || typeof mod.answer !== "function") {
    throw new TrustedModuleError(`${q.generator} must export functions generate(rng) and answer(params)`);
  }
  return mod as unknown as Generator;
}

export function numericParams(files: Record<string, string>, q: NumericQuestionSpec, key: SeedKey): Record<string, unknown> {
  return numericGenerator(files, q).generate(studentRng(key, "numeric"));
}

export function numericAnswer(files: Record<string, string>, q: NumericQuestionSpec, params: Record<string, unknown>): number {
  return numericGenerator(files, q).answer(params);
}

export function isCloseEnough(value: number, expected: number, rtol: number, atol: number): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(expected)) return false;
  return Math.abs(value - expected) <= atol + rtol * Math.abs(expected);
}

export { parseNumericAnswer } from "@/lib/question-types/parse-number.shared";
