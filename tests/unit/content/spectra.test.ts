// spectra: grading, and the reference checked against known spectra and invariants.
import { describe, expect, it } from "vitest";
import { covariance, effectiveRank, powerLawExponent, symmetricEigenvalues, zcaWhiten } from "@/assignments/spectra/solution";
import { dataWithSpectrum, descending, randomData, randomOrthogonal, withSpectrum } from "@/assignments/spectra/tests/datasets";
import { PLOT_D, PLOT_N, PLOT_TRUE_SPECTRUM, Z as PLOT_Z, referenceEigenvalues } from "@/assignments/spectra/tests/plot-dataset";
import { createRng } from "@/grader/rng";
import { describeGrading } from "./grading";

describeGrading("spectra", "spectra-code");

const close = (a: number[], b: number[], tol: number) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(tol * (1 + Math.abs(b[i]!))));
};

describe("spectra: the math", () => {
  it("random orthogonal matrices are orthogonal", () => {
    const Q = randomOrthogonal(createRng("content/q"), 12);
    for (let i = 0; i < 12; i++) {
      for (let j = 0; j < 12; j++) {
        const dot = Q.reduce((s, row) => s + row[i]! * row[j]!, 0);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it("data built with a spectrum has exactly that covariance (1/n), and a different one with 1/(n − 1)", () => {
    const rng = createRng("content/data");
    const lambda = [5, 2, 2, 0.5, 0];
    const { Z, Q } = dataWithSpectrum(rng, 30, lambda);
    const C = covariance(Z);
    const expected = withSpectrum(Q, lambda);
    C.forEach((row, i) => close(row, expected[i]!, 1e-10));
    close(symmetricEigenvalues(C), descending(lambda), 1e-10);
  });

  it("Jacobi eigenvalues: trace and Frobenius norm are preserved, known spectra recovered up to d = 64", () => {
    const rng = createRng("content/jacobi");
    for (const d of [1, 2, 7, 33, 64]) {
      const lambda = Array.from({ length: d }, (_, k) => (k % 5 === 0 ? 2 : rng.uniform(-3, 3)));
      const C = withSpectrum(randomOrthogonal(rng, d), lambda);
      const ev = symmetricEigenvalues(C);
      close(ev, descending(lambda), 1e-9);
      const trace = C.reduce((s, r, i) => s + r[i]!, 0);
      expect(ev.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 9);
      const fro = C.reduce((s, r) => s + r.reduce((t, v) => t + v * v, 0), 0);
      expect(ev.reduce((s, v) => s + v * v, 0)).toBeCloseTo(fro, 8);
    }
  });

  it("ZCA whitening gives covariance with eigenvalues λ/(λ + eps) and is symmetric (ZCA, not PCA)", () => {
    const rng = createRng("content/zca");
    const lambda = [4, 1, 0.25, 0.01];
    const { Z } = dataWithSpectrum(rng, 50, lambda);
    const X = zcaWhiten(Z, 1e-3);
    close(
      symmetricEigenvalues(covariance(X)),
      lambda.map((l) => l / (l + 1e-3)),
      1e-9,
    );
    // ZCA: X = Xc·M with M symmetric, so Xcᵀ·X = n·C·M is symmetric too (PCA's U·D is not).
    const mean = Z[0]!.map((_, j) => Z.reduce((s, r) => s + r[j]!, 0) / Z.length);
    const Xc = Z.map((r) => r.map((v, j) => v - mean[j]!));
    const d = lambda.length;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const a = Xc.reduce((s, r, k) => s + r[i]! * X[k]![j]!, 0);
        const b = Xc.reduce((s, r, k) => s + r[j]! * X[k]![i]!, 0);
        expect(a).toBeCloseTo(b, 8);
      }
    }
  });

  it("effective rank and power-law exponent on known spectra", () => {
    expect(effectiveRank([3, 3, 3])).toBeCloseTo(3, 12);
    expect(effectiveRank([1, 0, -1e-18])).toBeCloseTo(1, 12);
    expect(effectiveRank([2, 1, 1])).toBeCloseTo(Math.exp(-(0.5 * Math.log(0.5) + 0.5 * Math.log(0.25))), 12);
    expect(powerLawExponent(Array.from({ length: 25 }, (_, k) => 9 * Math.pow(k + 1, -0.7)))).toBeCloseTo(0.7, 12);
    expect(powerLawExponent([0, 0.25, 1, -2, 1 / 9, 1 / 16, 0.5 ** 0])).toBeCloseTo(powerLawExponent([1, 1, 0.25, 1 / 9, 1 / 16]), 12);
    const rd = randomData(createRng("content/rd"), 40, 6);
    expect(effectiveRank(symmetricEigenvalues(covariance(rd)))).toBeLessThanOrEqual(6);
  });

  it("the plot data set is deterministic, 200×16, with the power-law spectrum 4·k^-1.5", () => {
    expect(PLOT_Z.length).toBe(PLOT_N);
    expect(PLOT_Z.every((r) => r.length === PLOT_D && r.every(Number.isFinite))).toBe(true);
    close(referenceEigenvalues(), PLOT_TRUE_SPECTRUM, 1e-10);
    expect(powerLawExponent(referenceEigenvalues())).toBeCloseTo(1.5, 9);
  });
});

describe("spectra: the statement's worked example", () => {
  const Z = [
    [1, 2],
    [3, 0],
    [-1, 4],
    [5, 2],
  ];

  it("C = [[5, −2], [−2, 2]], eigenvalues (6, 1), erank ≈ 1.50699, α = ln 6 / ln 2", () => {
    matrixClose(covariance(Z), [
      [5, -2],
      [-2, 2],
    ]);
    close(symmetricEigenvalues(covariance(Z)), [6, 1], 1e-12);
    expect(effectiveRank([6, 1])).toBeCloseTo(1.50699, 5);
    expect(powerLawExponent([6, 1])).toBeCloseTo(Math.log(6) / Math.log(2), 12);
  });

  it("the first ZCA-whitened sample ≈ (−0.526597, −0.236699)", () => {
    close(zcaWhiten(Z)[0]!, [-0.526597, -0.236699], 1e-6);
  });

  it("data with a large mean has the covariance of the same data unshifted", () => {
    const shifted = Z.map((r) => r.map((v, j) => v + 1e5 * (j + 1)));
    matrixClose(covariance(shifted), [
      [5, -2],
      [-2, 2],
    ]);
  });
});

function matrixClose(A: number[][], B: number[][]) {
  A.forEach((row, i) => close(row, B[i]!, 1e-9));
}
