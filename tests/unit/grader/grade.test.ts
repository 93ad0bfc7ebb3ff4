// The real sandbox and pool grading the layernorm assignment: no mocks.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCodeQuestion } from "@/grader/code-question";
import { createGraderPool, type GraderPool } from "@/grader/pool";
import { redactReport, type GradeReport } from "@/grader/report";

const dir = path.resolve(import.meta.dirname, "../../../assignments/layernorm");
const solution = readFileSync(path.join(dir, "solution.ts"), "utf8");
const starter = readFileSync(path.join(dir, "starter.ts"), "utf8");
let pool: GraderPool;

beforeAll(() => {
  pool = createGraderPool({ size: 2 });
});
afterAll(async () => {
  await pool.close();
});

const grade = (source: string, include: "visible" | "all" = "all", deadlineMs?: number) =>
  pool.grade({ assignmentDir: dir, question: readCodeQuestion(dir), source, include, deadlineMs });
const test = (r: GradeReport, name: string) => r.tests.find((t) => t.name === name)!;

/** The reference solution with one function replaced. */
function variant(fn: "layerNorm" | "rmsNorm" | "groupNorm", body: string): string {
  const start = solution.indexOf(`export function ${fn}(`);
  const end = solution.indexOf("\n}\n", start) + 3;
  return solution.slice(0, start) + body + "\n" + solution.slice(end);
}

describe("grading layernorm", () => {
  it("gives the reference solution full marks", async () => {
    const r = await grade(solution);
    expect(r.status).toBe("graded");
    expect(r.maxScore).toBeGreaterThan(0);
    expect(r.score).toBe(r.maxScore);
    expect(r.tests.every((t) => t.status === "passed")).toBe(true);
    expect(r.tests.some((t) => t.visibility === "hidden")).toBe(true);
  });

  it("gives the starter less than full marks", async () => {
    const r = await grade(starter);
    expect(r.status).toBe("graded");
    expect(r.score).toBeLessThan(r.maxScore / 2);
  });

  it("runs only visible tests for the Run button", async () => {
    const r = await grade(solution, "visible");
    expect(r.tests.length).toBeGreaterThan(0);
    expect(r.tests.every((t) => t.visibility === "visible")).toBe(true);
    expect(r.score).toBe(r.maxScore);
  });

  it("takes points from plausible wrong solutions", async () => {
    const onePass = variant(
      "layerNorm",
      `export function layerNorm(x: number[], gamma?: number[], beta?: number[], eps = 1e-5): number[] {
        const n = x.length; let s = 0, s2 = 0;
        for (const v of x) { s += v; s2 += v * v; }
        const m = s / n, v = s2 / n - m * m;
        return x.map((a, i) => ((a - m) / Math.sqrt(v + eps)) * (gamma ? gamma[i]! : 1) + (beta ? beta[i]! : 0));
      }`,
    );
    const epsOutside = variant(
      "rmsNorm",
      `export function rmsNorm(x: number[], gamma?: number[], eps = 1e-5): number[] {
        const ms = x.reduce((s, v) => s + v * v, 0) / x.length;
        return x.map((v, i) => (v / (Math.sqrt(ms) + eps)) * (gamma ? gamma[i]! : 1));
      }`,
    );
    const unbiased = variant(
      "layerNorm",
      `export function layerNorm(x: number[], gamma?: number[], beta?: number[], eps = 1e-5): number[] {
        const n = x.length; const m = x.reduce((a, b) => a + b, 0) / n;
        const v = x.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, n - 1);
        return x.map((a, i) => ((a - m) / Math.sqrt(v + eps)) * (gamma ? gamma[i]! : 1) + (beta ? beta[i]! : 0));
      }`,
    );
    const interleaved = variant(
      "groupNorm",
      `export function groupNorm(x: number[], groups: number, eps = 1e-5): number[] {
        if (!Number.isInteger(groups) || groups <= 0 || x.length % groups) throw new RangeError("bad groups");
        const out = new Array<number>(x.length);
        for (let g = 0; g < groups; g++) {
          const idx = x.map((_, i) => i).filter((i) => i % groups === g);
          const y = layerNorm(idx.map((i) => x[i]!), undefined, undefined, eps);
          idx.forEach((i, k) => (out[i] = y[k]!));
        }
        return out;
      }`,
    );
    const weakCheck = variant(
      "groupNorm",
      `export function groupNorm(x: number[], groups: number, eps = 1e-5): number[] {
        if (x.length % groups !== 0) throw new RangeError("bad groups");
        const size = x.length / groups; const out: number[] = [];
        for (let g = 0; g < groups; g++) out.push(...layerNorm(x.slice(g * size, (g + 1) * size), undefined, undefined, eps));
        return out;
      }`,
    );
    const reports = await Promise.all([onePass, epsOutside, unbiased, interleaved, weakCheck].map((s) => grade(s)));
    for (const r of reports) {
      expect(r.status).toBe("graded");
      expect(r.score).toBeLessThan(r.maxScore);
    }
    expect(test(reports[0]!, "layerNorm: large offset (1e6) is numerically stable").status).toBe("failed");
    expect(test(reports[1]!, "rmsNorm: tiny values (eps matters)").status).toBe("failed");
    expect(test(reports[4]!, "groupNorm: invalid groups throw RangeError (partial credit)").score).toBeGreaterThan(0);
    expect(test(reports[4]!, "groupNorm: invalid groups throw RangeError (partial credit)").score).toBeLessThan(2);
  });

  it("reports a compile error with the student's line and column", async () => {
    const r = await grade("export function layerNorm(x: number[]) {\n  return x.map((v) => v +);\n}\n");
    expect(r.status).toBe("compile_error");
    expect(r.score).toBe(0);
    expect(r.output).toMatch(/line 2, column 26/);
    expect(r.tests.every((t) => t.score === 0 && t.status === "error")).toBe(true);
  });

  it("names the student's own line and column when their code throws, through the source map", async () => {
    // Type-only lines vanish when compiling, so compiled and source lines differ: the map must be used.
    const src = [
      "interface Shape {", // 1
      "  n: number;", // 2
      "}", // 3
      "type Vec = number[];", // 4
      "export function layerNorm(x: Vec): Vec {", // 5
      "  const s = undefined as unknown as Shape;", // 6
      "  return x.map(() => s.n);", // 7: V8 points at the property read, column 24
      "}", // 8
      "export function rmsNorm(x: Vec): Vec { return x; }",
      "export function groupNorm(x: Vec): Vec { return x; }",
    ].join("\n");
    const r = await grade(src, "visible");
    const t = test(r, "layerNorm of [1, 2, 3]");
    expect(t.status).toBe("error");
    expect(t.message).toMatch(/layerNorm\(\) threw TypeError: .* \(line 7, column 24 of your code\)$/);
    const loading = await grade('type T = string;\nconst bad: T = "x";\nthrow new RangeError("at load " + bad);\nexport function layerNorm() {}', "visible");
    expect(loading.tests[0]!.message).toMatch(/Your module threw while loading: RangeError: at load x \(line 3, column 7 of your code\)/);
  });

  it("counts columns in characters, not bytes", async () => {
    const r = await grade('const s = "ééé"; const = 1;\n');
    expect(r.status).toBe("compile_error");
    expect(r.output).toMatch(/line 1, column 24/);
  });

  it("refuses imports with a clear message", async () => {
    for (const src of [
      'import fs from "node:fs";\nexport const layerNorm = (x: number[]) => x;',
      'export function layerNorm(x: number[]) { return require("child_process"), x; }',
      'export const p = import("fs");',
      'import { layerNorm } from "../solution";\nexport { layerNorm };',
      'import type { Foo } from "./types";\nimport "./side-effect";\nexport const layerNorm = (x: number[]) => x;',
    ]) {
      const r = await grade(src);
      expect(r.status).toBe("rejected");
      expect(r.score).toBe(0);
      expect(r.output).toMatch(/Imports are not allowed/);
    }
  });

  it("refuses a source over 256 KB before grading, scoring 0 of the question's points", async () => {
    const full = await grade(solution);
    // Just over the limit, and far over it (megabytes that never cross to a grading process).
    for (const big of [`${solution}\n// ${"x".repeat(260 * 1024)}\n`, `${solution}\n// ${"x".repeat(9 * 1024 * 1024)}\n`]) {
      const r = await grade(big);
      expect(r.status).toBe("rejected");
      expect(r.score).toBe(0);
      expect(r.maxScore).toBe(full.maxScore);
      expect(r.tests.map((t) => [t.name, t.maxScore, t.score])).toEqual(full.tests.map((t) => [t.name, t.maxScore, 0]));
      expect(r.output).toMatch(/KB; the limit is 256 KB/);
    }
  });

  it("awards partial credit as a fraction of the points", async () => {
    // Correct only for vectors of even length: random cases give a fraction.
    const src = variant(
      "layerNorm",
      `export function layerNorm(x: number[], gamma?: number[], beta?: number[], eps = 1e-5): number[] {
        const n = x.length; const m = x.reduce((a, b) => a + b, 0) / n;
        const v = x.reduce((a, b) => a + (b - m) ** 2, 0) / n;
        const y = x.map((a, i) => ((a - m) / Math.sqrt(v + eps)) * (gamma ? gamma[i]! : 1) + (beta ? beta[i]! : 0));
        return n % 2 ? y.map((t) => t + 1) : y;
      }`,
    );
    const r = await grade(src);
    const t = test(r, "layerNorm: seeded random vectors (partial credit)");
    expect(t.score).toBeGreaterThan(0);
    expect(t.score).toBeLessThan(t.maxScore);
    expect(t.status).toBe("failed");
  });

  it("shows console output of visible tests but nothing printed during hidden ones", async () => {
    const src = solution.replace(
      "export function rmsNorm(x: number[], gamma?: number[], eps = 1e-5): number[] {",
      'export function rmsNorm(x: number[], gamma?: number[], eps = 1e-5): number[] {\n  console.log("rms input", x);',
    );
    const r = await grade(`console.log("loaded");\n${src}`);
    expect(r.score).toBe(r.maxScore);
    expect(r.output).toContain("loaded");
    expect(r.output).toContain("rms input [3,4]");
    expect(r.output).toContain("[output printed during hidden tests is not shown]");
    expect(r.output).not.toContain("1000001"); // the hidden large-offset input
  });

  it("keeps what a promise callback printed after its call returned, with NaN and -Infinity printed as numbers", async () => {
    const src = solution.replace(
      "export function rmsNorm(x: number[], gamma?: number[], eps = 1e-5): number[] {",
      'export function rmsNorm(x: number[], gamma?: number[], eps = 1e-5): number[] {\n  void Promise.resolve().then(() => console.log("later", [NaN, -Infinity]));',
    );
    const r = await grade(src);
    expect(r.score).toBe(r.maxScore);
    expect(r.output).toContain("later [NaN,-Infinity]");
  });

  it("redacts hidden tests' messages for students", async () => {
    const r = redactReport(await grade(starter), { duePassed: false });
    for (const t of r.tests) {
      if (t.visibility === "hidden") expect(t.message).toBeUndefined();
      else expect(t.message).toBeTruthy();
    }
  });
});
