// generalization-bounds: the numeric generators and their answers, checked independently.
import { describe, expect, it } from "vitest";
import * as epsilon from "@/assignments/generalization-bounds/questions/epsilon";
import * as hoeffding from "@/assignments/generalization-bounds/questions/hoeffding";
import * as sampleSize from "@/assignments/generalization-bounds/questions/sample-size";
import * as vcBound from "@/assignments/generalization-bounds/questions/vc-bound";
import { createRng, seedFrom, type Rng } from "@/grader/rng";

type Gen = { generate(rng: Rng): object; answer(p: never): number };
const modules: [string, Gen][] = [
  ["hoeffding", hoeffding as Gen],
  ["epsilon", epsilon as Gen],
  ["sample-size", sampleSize as Gen],
  ["vc-bound", vcBound as Gen],
];
const params = <T>(mod: { generate(rng: Rng): T }, q: string, student: string): T =>
  mod.generate(createRng(seedFrom("ml-theory", "generalization-bounds", q, student)));

describe("generalization-bounds: numeric questions", () => {
  it.each(modules)("%s: same student same parameters, different students different ones, finite answers", (q, mod) => {
    const seen = new Set<string>();
    for (let s = 0; s < 40; s++) {
      const p = params(mod, q, `student-${s}`);
      expect(params(mod, q, `student-${s}`)).toEqual(p);
      const a = mod.answer(p as never);
      expect(Number.isFinite(a)).toBe(true);
      expect(a).toBeGreaterThan(0);
      seen.add(JSON.stringify(p));
    }
    expect(seen.size).toBeGreaterThan(25);
  });

  it("epsilon's answer solves 2·exp(−2ε²N) = δ", () => {
    for (let s = 0; s < 20; s++) {
      const p = params(epsilon, "epsilon", `s${s}`);
      const e = epsilon.answer(p);
      expect(2 * Math.exp(-2 * e * e * p.N)).toBeCloseTo(p.delta, 12);
      expect(hoeffding.answer({ N: p.N, eps: e })).toBeCloseTo(p.delta, 12);
    }
  });

  it("sample-size's N is the smallest integer with 2M·exp(−2ε²N) ≤ δ", () => {
    for (let s = 0; s < 40; s++) {
      const p = params(sampleSize, "sample-size", `s${s}`);
      const N = sampleSize.answer(p);
      expect(Number.isInteger(N)).toBe(true);
      const bound = (n: number) => 2 * p.M * Math.exp(-2 * p.eps * p.eps * n);
      expect(bound(N)).toBeLessThanOrEqual(p.delta);
      expect(bound(N - 1)).toBeGreaterThan(p.delta);
    }
  });

  it("the VC bound in log space equals the direct formula where that does not overflow, and stays finite where it does", () => {
    for (const [N, dvc, delta] of [
      [100, 3, 0.05],
      [1000, 10, 0.1],
      [5000, 20, 0.01],
      [20, 1, 0.5],
    ] as const) {
      const direct = Math.sqrt((8 / N) * Math.log((4 * (Math.pow(2 * N, dvc) + 1)) / delta));
      expect(vcBound.answer({ N, dvc, delta })).toBeCloseTo(direct, 12);
    }
    expect(Math.pow(2e6, 60)).toBe(Infinity);
    const big = vcBound.answer({ N: 1e6, dvc: 60, delta: 0.05 });
    expect(big).toBeCloseTo(Math.sqrt(8e-6 * (Math.log(4) + 60 * Math.log(2e6) - Math.log(0.05))), 12);
  });

  it("some students get a vacuous VC bound (above 1), others a meaningful one", () => {
    const values = Array.from({ length: 200 }, (_, s) => vcBound.answer(params(vcBound, "vc-bound", `s${s}`)));
    expect(values.some((v) => v > 1)).toBe(true);
    expect(values.some((v) => v < 1)).toBe(true);
  });
});
