// Hidden random inputs are drawn per grading from its seed: the same seed draws the same inputs
// (a regrade gives the same grade), another seed other inputs, and every report names its seed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCodeQuestion } from "@/grader/code-question";
import { createGraderPool, type GraderPool } from "@/grader/pool";
import { testContext } from "@/grader/run-tests";

const dir = path.resolve(import.meta.dirname, "../../../assignments/layernorm");
const solution = readFileSync(path.join(dir, "solution.ts"), "utf8");
// Right only on inputs of even length: its score on the random cases depends on what was drawn.
const evenOnly = solution.replace(
  "export function layerNorm(",
  "export function layerNorm(...a: any[]) { if (a[0].length % 2) return a[0]; return layerNormRight(...(a as [number[]])); }\nfunction layerNormRight(",
);
const RANDOM_TEST = "layerNorm: seeded random vectors (partial credit)";
let pool: GraderPool;

beforeAll(() => {
  pool = createGraderPool({ size: 2 });
});
afterAll(async () => {
  await pool.close();
});

describe("grading seeds", () => {
  it("a test's generator depends on the grading seed, the test name and the label, and on nothing else", () => {
    const draw = (seed: string, name: string, label?: string) => testContext(seed, name).rng(label).next();
    expect(draw("ab", "t")).toBe(draw("ab", "t"));
    expect(draw("ab", "t")).toBe(draw("ab", "t", ""));
    expect(new Set([draw("ab", "t"), draw("ac", "t"), draw("ab", "u"), draw("ab", "t", "x")]).size).toBe(4);
    expect(testContext("ab", "t").seed).toBe("ab");
  });

  it("the same seed gives the same report, other seeds draw other hidden inputs", async () => {
    const seeds = ["0a", "0b", "0c", "0d", "0e"];
    const reports = await Promise.all(
      [...seeds, "0a"].map((seed) => pool.grade({ assignmentDir: dir, question: readCodeQuestion(dir), source: evenOnly, include: "all", seed })),
    );
    const scoreOf = (i: number) => reports[i]!.tests.find((t) => t.name === RANDOM_TEST)!.score;
    expect(reports.map((r) => r.seed)).toEqual([...seeds, "0a"]);
    expect(reports[5]!.tests).toEqual(reports[0]!.tests);
    expect(new Set(seeds.map((_, i) => scoreOf(i))).size).toBeGreaterThan(1);
  });

  it("without a seed every grading draws a fresh 128-bit one and still gives the reference full marks", async () => {
    const [a, b] = await Promise.all([0, 1].map(() => pool.grade({ assignmentDir: dir, question: readCodeQuestion(dir), source: solution, include: "all" })));
    expect(a!.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(b!.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(a!.seed).not.toBe(b!.seed);
    expect(a!.score).toBe(a!.maxScore);
    expect(b!.score).toBe(b!.maxScore);
  });
});
