// scale-invariance: grading, the gradient checked by finite differences, and the numeric questions.
import { describe, expect, it } from "vitest";
import { lnLinear, lnLinearGrad, trainLnRegression } from "@/assignments/scale-invariance/solution";
import { stallFigures, trainingRun } from "@/assignments/scale-invariance/tests/training";
import * as effectiveLr from "@/assignments/scale-invariance/questions/effective-lr";
import * as normGrowth from "@/assignments/scale-invariance/questions/norm-growth";
import { createRng, seedFrom } from "@/grader/rng";
import { describeGrading } from "./grading";

describeGrading("scale-invariance", "scale-code");

const frob = (A: number[][], B: number[][]) => A.reduce((s, r, i) => s + r.reduce((t, a, j) => t + a * B[i]![j]!, 0), 0);

describe("scale-invariance: the math", () => {
  const rng = createRng("content/scale");
  const cases = Array.from({ length: 20 }, () => {
    const out = rng.int(3, 6);
    const inp = rng.int(1, 5);
    return {
      W: Array.from({ length: out }, () => Array.from({ length: inp }, () => rng.normal())),
      x: Array.from({ length: inp }, () => rng.normal()),
      g: Array.from({ length: out }, () => rng.normal()),
    };
  });

  it("lnLinear has mean 0 and mean square 1, and is invariant to scaling W", () => {
    for (const { W, x } of cases) {
      const y = lnLinear(W, x);
      expect(y.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 10);
      expect(y.reduce((s, v) => s + v * v, 0) / y.length).toBeCloseTo(1, 10);
      const y2 = lnLinear(
        W.map((r) => r.map((v) => 7.5 * v)),
        x,
      );
      y.forEach((v, i) => expect(y2[i]).toBeCloseTo(v, 10));
    }
  });

  it("lnLinearGrad matches central finite differences, scales as 1/α, and is orthogonal to W", () => {
    for (const { W, x, g } of cases) {
      const G = lnLinearGrad(W, x, g);
      const f = (M: number[][]) => lnLinear(M, x).reduce((s, v, i) => s + g[i]! * v, 0);
      const h = 1e-6;
      W.forEach((row, i) =>
        row.forEach((_, j) => {
          const P = W.map((r) => r.slice());
          const Mn = W.map((r) => r.slice());
          P[i]![j] = P[i]![j]! + h;
          Mn[i]![j] = Mn[i]![j]! - h;
          expect(Math.abs((f(P) - f(Mn)) / (2 * h) - G[i]![j]!)).toBeLessThan(1e-6 * (1 + Math.abs(G[i]![j]!)));
        }),
      );
      const G3 = lnLinearGrad(
        W.map((r) => r.map((v) => 3 * v)),
        x,
        g,
      );
      G.forEach((row, i) => row.forEach((v, j) => expect(G3[i]![j]!).toBeCloseTo(v / 3, 12)));
      expect(Math.abs(frob(G, W))).toBeLessThan(1e-12 * (1 + Math.sqrt(frob(G, G) * frob(W, W))));
    }
  });

  it("norm-growth's answer is what SGD with gradients orthogonal to W really gives", () => {
    for (let s = 0; s < 5; s++) {
      const p = normGrowth.generate(createRng(seedFrom("content", "norm-growth", String(s))));
      // Simulate in 3-D: W_t and a gradient of norm c/‖W_t‖ orthogonal to it.
      let W = [p.w0, 0, 0];
      for (let t = 0; t < p.k; t++) {
        const n = Math.hypot(W[0]!, W[1]!, W[2]!);
        const u = [-W[1]! / n, W[0]! / n, 0]; // orthogonal to W in the first two coordinates
        W = W.map((v, i) => v - ((p.lr * p.c) / n) * u[i]!);
      }
      expect(Math.hypot(W[0]!, W[1]!, W[2]!)).toBeCloseTo(normGrowth.answer(p), 6);
    }
  });

  it("numeric generators are deterministic for a seed, vary between students, and give finite answers", () => {
    for (const mod of [normGrowth, effectiveLr]) {
      const seen = new Set<string>();
      for (let s = 0; s < 20; s++) {
        const seed = seedFrom("course", "scale-invariance", "q", `student-${s}`);
        const a = mod.generate(createRng(seed));
        expect(mod.generate(createRng(seed))).toEqual(a);
        expect(Number.isFinite(mod.answer(a))).toBe(true);
        seen.add(JSON.stringify(a));
      }
      expect(seen.size).toBeGreaterThan(15);
    }
    const p = { w0: 2, lr: 0.5, c: 1, k: 12 };
    expect(effectiveLr.answer(p)).toBeCloseTo(0.5 / normGrowth.answer(p) ** 2, 14);
  });

  it("the worked example: W = [[1, 0], [0, 1], [1, 1]], x = (1, 2), g = (1, 0, 0)", () => {
    const W = [
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    const y = lnLinear(W, [1, 2]);
    [-Math.sqrt(1.5), 0, Math.sqrt(1.5)].forEach((v, i) => expect(y[i]).toBeCloseTo(v, 12));
    const G = lnLinearGrad(W, [1, 2], [1, 0, 0]);
    [
      [0.204124, 0.408248],
      [-0.408248, -0.816497],
      [0.204124, 0.408248],
    ].forEach((row, i) => row.forEach((v, j) => expect(G[i]![j]).toBeCloseTo(v, 6)));
    expect(Math.abs(frob(G, W))).toBeLessThan(1e-12);
    const G10 = lnLinearGrad(
      W.map((r) => r.map((v) => 10 * v)),
      [1, 2],
      [1, 0, 0],
    );
    expect(G10[0]![0]).toBeCloseTo(0.0204124, 7);
  });

  it("the reference's training run shows the stall the hidden test asks for, with room to spare", () => {
    for (const seed of ["scale/train-stall", "content/stall-1", "content/stall-2"]) {
      const r = trainingRun(createRng(seed), { dOut: 4, dIn: 3, n: 12, steps: 300, w0Scale: 0.01 });
      const f = trainLnRegression(r.W0, r.v0, r.X, r.targets, r.lr, r.steps);
      const m = stallFigures(f, r.lr);
      expect(m.effectiveStepRatio).toBeLessThan(1e-3);
      expect(m.lastRelativeUpdate).toBeLessThan(5e-3);
      expect(m.lastRelativeUpdate).toBeLessThan(1e-4 * m.firstRelativeUpdate);
      expect(m.lateLossRatio).toBeLessThan(0.9);
      expect(f.loss.at(-1)!).toBeLessThan(0.5 * f.loss[0]!);
    }
  });
});
