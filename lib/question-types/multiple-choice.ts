// Multiple-choice questions: options shown in a per-student shuffled order; the correct set never
// leaves the server; all-or-nothing scoring (the exact set of correct options).
import type { MultipleChoiceQuestionSpec } from "@/lib/assignments/schema";
import { studentRng, type SeedKey } from "@/lib/question-types/seeds";

export function shuffledOptionIds(q: MultipleChoiceQuestionSpec, key: SeedKey): string[] {
  const ids = q.options.map((o) => o.id);
  const rng = studentRng(key, "options");
  for (let i = ids.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids;
}

export function gradeChoice(q: MultipleChoiceQuestionSpec, selected: string[]): { correct: boolean; score: number } {
  const want = new Set(q.options.filter((o) => o.correct).map((o) => o.id));
  const got = new Set(selected);
  const correct = want.size === got.size && [...want].every((id) => got.has(id));
  return { correct, score: correct ? q.points : 0 };
}
