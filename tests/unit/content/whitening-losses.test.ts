// whitening-losses: grading (reference, starter, wrong and unusual-correct fixtures), and the
// reference's math checked independently: ZCA's output is white and symmetric in X, both
// gradients agree with finite differences, the first-order invariance, and the claims' margins.
import { describe, expect, it } from "vitest";
import {
  covariance,
  hardWhiteningLoss,
  initRepresentation,
  softWhiteningLoss,
  stableRank,
  symmetricEigen,
  train,
} from "@/assignments/whitening-losses/solution";
import { EXPERIMENT, HARD_TOLERANCE, randomMatrix } from "@/assignments/whitening-losses/tests/data";
import { answer, generate } from "@/assignments/whitening-losses/questions/stable-rank-value";
import { dataWithSpectrum } from "@/assignments/whitening-losses/tests/spectra-data";
import { createRng } from "@/grader/rng";
import { describeGrading } from "./grading";

describeGrading("whitening-losses", "whitening-code");

const fd = (loss: (Z: number[][]) => number, Z: number[][]) =>
  Z.map((row, s) =>
    row.map((_, j) => {
      const up = Z.map((r) => r.slice());
      const dn = Z.map((r) => r.slice());
      up[s]![j]! += 1e-6;
      dn[s]![j]! -= 1e-6;
      return (loss(up) - loss(dn)) / 2e-6;
    }),
  );

describe("whitening-losses: the math", () => {
  it("with T = 0, the hard loss is (1/n)‖XM‖² = tr(C (C + eps)^-1) = Σ λ/(λ + eps): the whitened output is white", () => {
    const Z = dataWithSpectrum(createRng("content/white"), 30, [4, 1, 0.25]).Z;
    const zero = Z.map((r) => r.map(() => 0));
    const e = 1e-3;
    expect(hardWhiteningLoss(Z, zero, e).loss).toBeCloseTo(
      [4, 1, 0.25].reduce((t, l) => t + l / (l + e), 0),
      9,
    );
  });

  it("ZCA, not PCA: whitening data whose covariance is already I only rescales it (the loss against the centered data is tiny)", () => {
    const Z = dataWithSpectrum(createRng("content/zca"), 40, [1, 1, 1, 1]).Z;
    const mean = Z[0]!.map((_, j) => Z.reduce((t, r) => t + r[j]!, 0) / Z.length);
    const X = Z.map((r) => r.map((v, j) => v - mean[j]!));
    expect(hardWhiteningLoss(Z, X).loss).toBeLessThan(1e-9);
  });

  it("both gradients agree with central finite differences", () => {
    const rng = createRng("content/grad");
    for (let t = 0; t < 3; t++) {
      const Z = randomMatrix(rng, 9, 3).map((r) => r.map((v, j) => v / (j + 1) + 1));
      const T = randomMatrix(rng, 9, 3);
      const h = hardWhiteningLoss(Z, T).grad;
      fd((z) => hardWhiteningLoss(z, T).loss, Z).forEach((row, s) => row.forEach((v, j) => expect(Math.abs(v - h[s]![j]!)).toBeLessThan(1e-6)));
      const g = softWhiteningLoss(Z, T, 0.7).grad;
      fd((z) => softWhiteningLoss(z, T, 0.7).loss, Z).forEach((row, s) => row.forEach((v, j) => expect(Math.abs(v - g[s]![j]!)).toBeLessThan(1e-6)));
    }
  });

  it("first order: one hard step of size η changes every eigenvalue of C by O(η²), a soft step by O(η)", () => {
    const rng = createRng("content/order");
    const Z = randomMatrix(rng, 20, 4).map((r) => r.map((v, j) => v / (j + 1)));
    const T = randomMatrix(rng, 20, 4);
    const change = (grad: number[][], eta: number) => {
      const before = symmetricEigen(covariance(Z)).values;
      const after = symmetricEigen(covariance(Z.map((r, s) => r.map((v, j) => v - eta * grad[s]![j]!)))).values;
      return Math.max(...before.map((v, i) => Math.abs(after[i]! - v)));
    };
    const hard = hardWhiteningLoss(Z, T).grad;
    const soft = softWhiteningLoss(Z, T, 1).grad;
    // Halving η divides a second-order change by about 4 and a first-order one by about 2.
    expect(change(hard, 1e-3) / change(hard, 5e-4)).toBeGreaterThan(3.5);
    expect(change(soft, 1e-3) / change(soft, 5e-4)).toBeLessThan(2.5);
  });

  it("stable rank: tr C / λ_max on known spectra, 1 for rank one, d for a flat spectrum", () => {
    const rng = createRng("content/srank");
    expect(stableRank(dataWithSpectrum(rng, 30, [3, 3, 3, 3, 3]).Z)).toBeCloseTo(5, 9);
    expect(stableRank(dataWithSpectrum(rng, 30, [2, 0, 0]).Z)).toBeCloseTo(1, 9);
    expect(stableRank(dataWithSpectrum(rng, 30, [4, 2, 1, 1]).Z)).toBeCloseTo(2, 9);
  });

  it("the numeric question: the stable rank of k^-α is the partial zeta sum", () => {
    expect(answer({ d: 3, alpha: 1 })).toBeCloseTo(1 + 1 / 2 + 1 / 3, 12);
    const p = generate(createRng("content/numeric"));
    const lambda = Array.from({ length: p.d }, (_, k) => Math.pow(k + 1, -p.alpha));
    expect(answer(p)).toBeCloseTo(lambda.reduce((t, v) => t + v, 0) / lambda[0]!, 9);
  });

  it("the claims hold for the reference with room to spare over 8 fresh seeds and targets", () => {
    const rng = createRng("content/claims");
    let worstDrift = 0;
    let worstRatio = Infinity;
    for (let r = 0; r < 8; r++) {
      const base = {
        seed: rng.int(1, 1e6),
        n: EXPERIMENT.n,
        d: EXPERIMENT.d,
        T: randomMatrix(rng, EXPERIMENT.n, EXPERIMENT.d),
        steps: EXPERIMENT.steps,
        lr: EXPERIMENT.lr,
        beta: EXPERIMENT.beta,
      };
      const hard = train({ ...base, loss: "hard" });
      const soft = train({ ...base, loss: "soft" });
      worstDrift = Math.max(worstDrift, Math.abs(stableRank(hard.final) - stableRank(hard.initial)) / stableRank(hard.initial));
      worstRatio = Math.min(worstRatio, stableRank(soft.final) / stableRank(hard.final));
      expect(hard.losses[EXPERIMENT.steps]!).toBeLessThan(0.5 * hard.losses[0]!);
    }
    expect(worstDrift).toBeLessThan(HARD_TOLERANCE / 2);
    expect(worstRatio).toBeGreaterThan(1.5);
  });

  it("train is deterministic for a seed and starts from initRepresentation", () => {
    const cfg = { seed: 9, n: 12, d: 3, T: randomMatrix(createRng("content/t"), 12, 3), loss: "soft" as const, steps: 4, lr: 0.05, beta: 1 };
    const a = train(cfg);
    expect(train(cfg)).toEqual(a);
    expect(a.initial).toEqual(initRepresentation(9, 12, 3));
    expect(a.stableRanks).toHaveLength(5);
  });
});
