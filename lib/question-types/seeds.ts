// Per-student randomness: numeric parameters and option order come from a seed derived from
// (course, assignment, question, student), stable across visits and reproducible by staff.
import { createRng, seedFrom, type Rng } from "@/grader/bundle-safe";

export type SeedKey = { course: string; assignment: string; question: string; student: string };

export function studentRng(key: SeedKey, purpose: string): Rng {
  return createRng(seedFrom(key.course, key.assignment, key.question, key.student, purpose));
}
