import { describe, expect, it } from "vitest";
import { multipleChoiceQuestionSchema, numericQuestionSchema } from "@/lib/assignments/schema";
import { gradeChoice, shuffledOptionIds } from "@/lib/question-types/multiple-choice";
import { isCloseEnough, numericAnswer, numericParams, parseNumericAnswer } from "@/lib/question-types/numeric";

const files = {
  "gen.ts": `import type { Rng } from "../../../grader/rng";
export function generate(rng: Rng) { return { N: rng.int(100, 100000), eps: rng.uniform(0.01, 0.2) }; }
export function answer(p: { N: number; eps: number }) { return 2 * Math.exp(-2 * p.eps * p.eps * p.N); }`,
};
const numeric = numericQuestionSchema.parse({ id: "h", type: "numeric", title: "H", generator: "gen.ts", points: 1 });
const key = (student: string) => ({ course: "ml-theory", assignment: "bounds", question: "h", student });

describe("per-student parameters", () => {
  it("gives the same student the same parameters on every visit", () => {
    expect(numericParams(files, numeric, key("alice"))).toEqual(numericParams(files, numeric, key("alice")));
  });
  it("gives different students different parameters", () => {
    const seen = new Set(["alice", "bob", "carol", "dave", "erin"].map((s) => JSON.stringify(numericParams(files, numeric, key(s)))));
    expect(seen.size).toBe(5);
  });
  it("changes with the question and the assignment, so parameters do not leak across questions", () => {
    const a = numericParams(files, numeric, key("alice"));
    expect(numericParams(files, numeric, { ...key("alice"), question: "other" })).not.toEqual(a);
    expect(numericParams(files, numeric, { ...key("alice"), assignment: "other" })).not.toEqual(a);
  });
  it("lets staff reproduce a student's expected answer", () => {
    const p = numericParams(files, numeric, key("alice")) as { N: number; eps: number };
    expect(numericAnswer(files, numeric, p)).toBeCloseTo(2 * Math.exp(-2 * p.eps * p.eps * p.N), 12);
  });
});

describe("numeric answers", () => {
  it("accept scientific notation and reject junk", () => {
    expect(parseNumericAnswer("1.5e-3")).toBe(0.0015);
    expect(parseNumericAnswer(" -2E+4 ")).toBe(-20000);
    expect(parseNumericAnswer("−0.5")).toBe(-0.5);
    expect(parseNumericAnswer(".5")).toBe(0.5);
    for (const bad of ["", "abc", "1e", "NaN", "Infinity", "1,5", "0x10", "1e999", "2+2"]) expect(parseNumericAnswer(bad)).toBeNull();
  });
  it("are graded with rtol and atol, and non-finite values never pass", () => {
    expect(isCloseEnough(1.0000005, 1, 1e-6, 0)).toBe(true);
    expect(isCloseEnough(1.00001, 1, 1e-6, 0)).toBe(false);
    expect(isCloseEnough(1e-12, 0, 0, 1e-9)).toBe(true);
    expect(isCloseEnough(Number.NaN, Number.NaN, 1, 1)).toBe(false);
  });
});

describe("multiple choice", () => {
  const q = multipleChoiceQuestionSchema.parse({
    id: "m",
    type: "multiple-choice",
    title: "M",
    points: 2,
    multiple: true,
    options: ["a", "b", "c", "d", "e", "f"].map((id) => ({ id, text: id.toUpperCase(), correct: id === "b" || id === "e" })),
  });
  it("shuffles per student, stably", () => {
    const alice = shuffledOptionIds(q, key("alice"));
    expect(shuffledOptionIds(q, key("alice"))).toEqual(alice);
    expect([...alice].sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
    const orders = new Set(["alice", "bob", "carol", "dave"].map((s) => shuffledOptionIds(q, key(s)).join("")));
    expect(orders.size).toBeGreaterThan(1);
  });
  it("scores the exact correct set only", () => {
    expect(gradeChoice(q, ["e", "b"])).toEqual({ correct: true, score: 2 });
    expect(gradeChoice(q, ["b"])).toEqual({ correct: false, score: 0 });
    expect(gradeChoice(q, ["b", "e", "a"])).toEqual({ correct: false, score: 0 });
  });
});
