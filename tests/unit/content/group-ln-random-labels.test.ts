// group-ln-random-labels: grading (reference, starter, wrong and unusual-correct fixtures), and the
// reference's math checked independently: LN's invariances, the gradient against finite
// differences, the numeric question's manifold dimension and the claim the hidden test relies on.
import { describe, expect, it } from "vitest";
import { forward, groupLayerNorm, initParams, lossAndGradient, train, type Params } from "@/assignments/group-ln-random-labels/solution";
import { EXPERIMENT, PLOT_SET, randomLabels, referenceFractions, thin } from "@/assignments/group-ln-random-labels/tests/data";
import { finiteDifferenceGradient } from "@/assignments/group-ln-random-labels/tests/checks";
import { answer, generate } from "@/assignments/group-ln-random-labels/questions/output-dimension";
import { createRng } from "@/grader/rng";
import { describeGrading } from "./grading";

describeGrading("group-ln-random-labels", "group-ln-code");

describe("group-ln-random-labels: the math", () => {
  it("each group of the output has mean 0 and (biased) variance σ²/(σ² + eps)", () => {
    const rng = createRng("content/gln");
    const z = Array.from({ length: 12 }, () => rng.uniform(-4, 4));
    const h = groupLayerNorm(z, 3);
    for (let g = 0; g < 3; g++) {
      const zs = z.slice(4 * g, 4 * g + 4);
      const hs = h.slice(4 * g, 4 * g + 4);
      const mu = zs.reduce((a, b) => a + b) / 4;
      const v = zs.reduce((a, b) => a + (b - mu) ** 2, 0) / 4;
      expect(hs.reduce((a, b) => a + b) / 4).toBeCloseTo(0, 12);
      expect(hs.reduce((a, b) => a + b * b, 0) / 4).toBeCloseTo(v / (v + 1e-5), 12);
    }
  });

  it("scaling the input by α > 0 leaves LN unchanged up to eps, and the gradient in z scales by 1/α", () => {
    const z = [0.3, -1.2, 2.5, 0.7, -0.4, 1.1];
    const a = 37;
    const big = groupLayerNorm(
      z.map((v) => a * v),
      2,
      0,
    );
    groupLayerNorm(z, 2, 0).forEach((v, i) => expect(big[i]).toBeCloseTo(v, 12));
    // g(z) = w · LN(z) with a fixed w: the finite-difference gradient at αz is the one at z over α.
    const w = [1, -2, 0.5, 3, -1, 0.25];
    const gfun = (x: number[]) => groupLayerNorm(x, 2, 0).reduce((t, v, i) => t + v * w[i]!, 0);
    const grad = (x: number[]) =>
      x.map((_, i) => {
        const h = 1e-6 * Math.max(1, Math.abs(x[i]!));
        const p = x.slice();
        const m = x.slice();
        p[i]! += h;
        m[i]! -= h;
        return (gfun(p) - gfun(m)) / (2 * h);
      });
    const g1 = grad(z);
    grad(z.map((v) => a * v)).forEach((v, i) => expect(v * a).toBeCloseTo(g1[i]!, 5));
  });

  it("the reference gradient agrees with finite differences, for every group count", () => {
    const rng = createRng("content/grad");
    for (const groups of [1, 2, 3, 6]) {
      const p: Params = initParams(rng.int(1, 1000), 6, 3);
      p.c = 0.3;
      const { X, y } = randomLabels(rng, 9, 3);
      const ref = lossAndGradient(p, X, y, groups).grad;
      const fd = finiteDifferenceGradient(p, X, y, groups);
      ref.W.flat().forEach((v, i) => expect(Math.abs(v - fd.W.flat()[i]!)).toBeLessThan(1e-7));
      ref.b.forEach((v, i) => expect(Math.abs(v - fd.b[i]!)).toBeLessThan(1e-7));
      ref.v.forEach((v, i) => expect(Math.abs(v - fd.v[i]!)).toBeLessThan(1e-7));
      expect(Math.abs(ref.c - fd.c)).toBeLessThan(1e-7);
    }
  });

  it("with groups of 2, LN saturates to ±(1, −1): the layer only passes signs (why groups of 3 are the smallest used)", () => {
    const h = groupLayerNorm([0.9, 0.2, -3, 5], 2);
    expect(Math.abs(h[0]!)).toBeCloseTo(1, 4);
    expect(h[0]! + h[1]!).toBeCloseTo(0, 12);
    expect(h[2]).toBeCloseTo(-1, 4);
  });

  it("the numeric question: the image of GLN_G on k units has dimension k − 2G (checked by the rank of the Jacobian)", () => {
    const rng = createRng("content/dim");
    for (let t = 0; t < 5; t++) {
      const p = generate(rng);
      const z = Array.from({ length: p.width }, () => rng.normal());
      // Jacobian by finite differences, then its rank by Gaussian elimination.
      const J = z.map((_, j) => {
        const up = z.slice();
        up[j]! += 1e-6;
        const dn = z.slice();
        dn[j]! -= 1e-6;
        const a = groupLayerNorm(up, p.groups, 0);
        const b = groupLayerNorm(dn, p.groups, 0);
        return a.map((v, i) => (v - b[i]!) / 2e-6);
      });
      let rank = 0;
      const M = J.map((r) => r.slice());
      for (let col = 0; col < p.width && rank < M.length; col++) {
        let piv = rank;
        for (let r = rank; r < M.length; r++) if (Math.abs(M[r]![col]!) > Math.abs(M[piv]![col]!)) piv = r;
        if (Math.abs(M[piv]![col]!) < 1e-6) continue;
        [M[rank], M[piv]] = [M[piv]!, M[rank]!];
        for (let r = rank + 1; r < M.length; r++) {
          const f = M[r]![col]! / M[rank]![col]!;
          for (let c = col; c < p.width; c++) M[r]![c]! -= f * M[rank]![c]!;
        }
        rank++;
      }
      expect(rank).toBe(answer(p));
    }
  });

  it("the claim holds for the reference on the plot data set and on fresh data sets, with the margin the hidden test asks", () => {
    const [one, , four] = referenceFractions();
    expect(four! - one!).toBeGreaterThanOrEqual(0.03);
    const rng = createRng("content/claim");
    let gain = 0;
    for (let r = 0; r < 3; r++) {
      const set = randomLabels(rng, EXPERIMENT.m, EXPERIMENT.d);
      const seed = rng.int(1, 1e6);
      const run = (groups: number) => train({ ...set, width: EXPERIMENT.width, groups, steps: EXPERIMENT.steps, lr: EXPERIMENT.lr, seed }).fittedFraction;
      gain += (run(4) - run(1)) / 3;
    }
    expect(gain).toBeGreaterThanOrEqual(0.03);
  });

  it("train is deterministic for a seed, the loss falls, and the fraction is that of the final parameters", () => {
    const cfg = { ...PLOT_SET, width: 12, groups: 4, steps: 40, lr: 0.5, seed: 11 };
    const a = train(cfg);
    expect(train(cfg)).toEqual(a);
    expect(a.losses).toHaveLength(41);
    expect(a.losses[40]!).toBeLessThan(a.losses[0]!);
    const fitted = PLOT_SET.X.filter((x, n) => Math.sign(forward(a.final, x, 4)) === PLOT_SET.y[n]).length / PLOT_SET.X.length;
    expect(a.fittedFraction).toBe(fitted);
    expect(train({ ...cfg, seed: 12 }).initial).not.toEqual(a.initial);
    expect(thin([0, 1, 2, 3, 4, 5, 6], 3)).toEqual([0, 3, 6]);
    expect(thin([0, 1, 2, 3, 4], 3)).toEqual([0, 3, 4]);
  });
});
