// Token similarity: renaming and reformatting do not hide a copy; starter code does not count.
import { describe, expect, it } from "vitest";
import { fingerprint, jaccard, kgrams, tokenize } from "@/lib/submissions/similarity";
import { histogram } from "@/lib/grades/analytics";

const starter = `export function mean(xs: number[]): number {\n  // TODO\n  return 0;\n}\n`;
const a = `export function mean(xs: number[]): number {\n  let total = 0;\n  for (const x of xs) total += x;\n  if (xs.length === 0) throw new Error("empty");\n  return total / xs.length;\n}\nexport function variance(xs: number[]): number {\n  const m = mean(xs);\n  let s = 0;\n  for (const x of xs) s += (x - m) ** 2;\n  return s / xs.length;\n}\n`;
const renamed = `// my own work\nexport function mean(values: number[]): number {\n  let acc = 0;   for (const v of values) acc += v;\n  if (values.length === 0) throw new Error('no data');\n  return acc / values.length;\n}\nexport function variance(values: number[]): number { const mu = mean(values); let sq = 0; for (const v of values) sq += (v - mu) ** 2; return sq / values.length; }\n`;
const different = `export function mean(xs: number[]): number {\n  return xs.reduce((p, c) => p + c, 0) / Math.max(1, xs.length);\n}\nexport const variance = (xs: number[]) => { const m = mean(xs); return xs.map((x) => (x - m) * (x - m)).reduce((p, c) => p + c, 0) / xs.length; };\n`;

describe("similarity", () => {
  it("normalizes identifiers, strings and numbers and drops comments", () => {
    expect(tokenize(`let a = "x"; // c\nconst b2 = 3.5e2;`)).toEqual(["let", "I", "=", "S", ";", "const", "I", "=", "N", ";"]);
  });

  it("ranks a renamed, reformatted copy far above an independent solution", () => {
    const s = kgrams(tokenize(starter));
    const fa = fingerprint(a, s);
    expect(jaccard(fa, fingerprint(renamed, s))).toBe(1);
    expect(jaccard(fa, fingerprint(different, s))).toBeLessThan(0.2);
  });

  it("gives the untouched starter no similarity", () => {
    const s = kgrams(tokenize(starter));
    expect(fingerprint(starter, s).size).toBe(0);
    expect(jaccard(fingerprint(starter, s), fingerprint(starter, s))).toBe(0);
  });
});

describe("score histogram", () => {
  it("puts totals in tenths of the maximum and leaves out students without a submission", () => {
    const h = histogram([0, 4.9, 5, 10, null], 10);
    expect(h.counts[0]).toBe(1);
    expect(h.counts[4]).toBe(1);
    expect(h.counts[5]).toBe(1);
    expect(h.counts[9]).toBe(1);
    expect(h.submitted).toBe(4);
    expect(h.students).toBe(5);
  });
});
