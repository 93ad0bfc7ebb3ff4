import { defineTests, closeTo, fail, isClose } from "../../../grader/testing";
import type { Rng } from "../../../grader/rng";
import { covariance, effectiveRank, powerLawExponent, symmetricEigenvalues, zcaWhiten } from "../solution";
import { matrixProblem, vectorOk } from "./checks";
import { dataWithSpectrum, descending, randomData, randomOrthogonal, withSpectrum } from "./datasets";

async function fraction<T>(items: T[], ok: (item: T) => Promise<boolean>): Promise<number> {
  let n = 0;
  for (const it of items) if (await ok(it)) n++;
  return n / items.length;
}

// Random inputs are drawn per grading (ctx.rng), so hidden inputs differ between submissions.
/** Known spectra: Q·diag(λ)·Qᵀ with Q a seeded random orthogonal matrix. */
function knownSpectrumCases(rng: Rng): { C: number[][]; lambda: number[] }[] {
  const specs: number[][] = [
    [9, 4, 1],
    Array.from({ length: 8 }, (_, k) => 10 / (k + 1)),
    Array.from({ length: 16 }, () => rng.uniform(0.01, 5)),
    [5, 5, 5, 2, 2, 1, 1, 1, 1, 0.5], // repeated eigenvalues
    [3, -2, 0.5, -0.5, 0, 7], // symmetric, indefinite
    Array.from({ length: 32 }, (_, k) => Math.exp(-k / 4)),
  ];
  return specs.map((lambda) => ({ C: withSpectrum(randomOrthogonal(rng, lambda.length), lambda), lambda }));
}

export default defineTests([
  {
    name: "covariance matches the reference on random data (n up to 200, d up to 10)",
    points: 2,
    run: (s, ctx) => {
      const rng = ctx.rng("cov");
      const sets = Array.from({ length: 6 }, () => randomData(rng, rng.int(3, 200), rng.int(1, 10)));
      return fraction(sets, async (Z) => matrixProblem(await s.call("covariance", Z), covariance(Z), { rtol: 1e-9, atol: 1e-12 }, "C") === null);
    },
  },
  {
    name: "covariance divides by n, not n − 1 (data with a known covariance)",
    points: 2,
    run: async (s, ctx) => {
      const rng = ctx.rng("n-not-n-1");
      const lambda = [4, 1, 0.25];
      const { Z, Q } = dataWithSpectrum(rng, 12, lambda);
      const p = matrixProblem(await s.call("covariance", Z), withSpectrum(Q, lambda), { rtol: 1e-8, atol: 1e-10 }, "C");
      if (p !== null) fail(p);
    },
  },
  {
    // Features with means around 1e5 and unit-scale spread: E[zzᵀ] − μμᵀ loses about ten digits
    // to cancellation here, centering first loses none.
    name: "covariance of data with a large mean (centre first, not E[zzᵀ] − μμᵀ)",
    points: 2,
    run: async (s, ctx) => {
      const rng = ctx.rng("large-mean");
      const lambda = [3, 1, 0.5, 0.2];
      const { Z, Q } = dataWithSpectrum(rng, 60, lambda);
      const shifted = Z.map((r) => r.map((v, j) => v + (j % 2 ? -1 : 1) * 1e5 * (j + 1)));
      const p = matrixProblem(await s.call("covariance", shifted), withSpectrum(Q, lambda), { rtol: 1e-7, atol: 1e-9 }, "C");
      if (p !== null) fail(p);
    },
  },
  {
    name: "symmetricEigenvalues recovers known spectra (random orthogonal Q, repeated and negative eigenvalues)",
    points: 4,
    run: (s, ctx) =>
      fraction(knownSpectrumCases(ctx.rng("known")), async ({ C, lambda }) =>
        vectorOk(await s.call("symmetricEigenvalues", C), descending(lambda), { rtol: 1e-7, atol: 1e-9 }),
      ),
  },
  {
    name: "symmetricEigenvalues of a diagonal matrix and of a 1×1 matrix",
    points: 1,
    run: async (s) => {
      if (
        !vectorOk(
          await s.call("symmetricEigenvalues", [
            [1, 0, 0],
            [0, 3, 0],
            [0, 0, 2],
          ]),
          [3, 2, 1],
          { rtol: 1e-12, atol: 1e-12 },
        )
      )
        fail("diagonal");
      if (!vectorOk(await s.call("symmetricEigenvalues", [[-4]]), [-4], { rtol: 1e-12 })) fail("1×1");
    },
  },
  {
    name: "collapsed (rank-deficient) representations: zero eigenvalues and a small effective rank",
    points: 2,
    run: async (s, ctx) => {
      const rng = ctx.rng("collapse");
      const lambda = [6, 3, 1, ...new Array<number>(13).fill(0)];
      const { Z } = dataWithSpectrum(rng, 100, lambda);
      // The grader's covariance, so a covariance mistake is not charged here a second time.
      const ev = await s.call("symmetricEigenvalues", covariance(Z));
      if (!vectorOk(ev, lambda, { rtol: 1e-7, atol: 1e-9 })) fail("eigenvalues of collapsed data");
      closeTo(await s.call("effectiveRank", ev), effectiveRank(lambda), { rtol: 1e-6 }, "effective rank");
    },
  },
  {
    name: "d = 64, n = 512: eigenvalues, power law and whitening within the time limit",
    points: 3,
    run: async (s, ctx) => {
      const rng = ctx.rng("large");
      const lambda = Array.from({ length: 64 }, (_, k) => 2 * Math.pow(k + 1, -1.2));
      const { Z } = dataWithSpectrum(rng, 512, lambda);
      const ev = await s.call("symmetricEigenvalues", covariance(Z));
      let ok = 0;
      if (vectorOk(ev, lambda, { rtol: 1e-6, atol: 1e-10 })) ok++;
      if (isClose(await s.call("powerLawExponent", lambda), 1.2, { rtol: 1e-9 })) ok++;
      const W = await s.call("zcaWhiten", Z);
      if (matrixProblem(W, zcaWhiten(Z), { rtol: 1e-5, atol: 1e-7 }, "whitened") === null) ok++;
      return ok / 3;
    },
  },
  {
    name: "effectiveRank on known spectra (ignores zero and negative entries)",
    points: 2,
    run: async (s, ctx) => {
      const rng = ctx.rng("erank");
      const lists = [
        [5, 5, 5, 5, 5],
        [1, 0, 0, -1e-17],
        Array.from({ length: 20 }, () => rng.uniform(0, 3)),
        Array.from({ length: 50 }, (_, k) => Math.pow(k + 1, -2)),
        [3, 1e-12, 2, 0, 1],
      ];
      return fraction(lists, async (l) => isClose(await s.call("effectiveRank", l), effectiveRank(l), { rtol: 1e-9 }));
    },
  },
  {
    name: "zcaWhiten matches the reference on random data (ZCA, not PCA whitening)",
    points: 3,
    run: (s, ctx) => {
      const rng = ctx.rng("zca");
      const sets = Array.from({ length: 5 }, () => randomData(rng, rng.int(20, 120), rng.int(2, 12)));
      return fraction(sets, async (Z) => matrixProblem(await s.call("zcaWhiten", Z), zcaWhiten(Z), { rtol: 1e-6, atol: 1e-8 }, "X") === null);
    },
  },
  {
    name: "zcaWhiten leaves data with identity covariance unrotated (only centered, divided by √(1 + eps))",
    points: 2,
    run: async (s, ctx) => {
      const rng = ctx.rng("zca-identity");
      const { Z } = dataWithSpectrum(rng, 40, [1, 1, 1, 1, 1]);
      const mean = Z[0]!.map((_, j) => Z.reduce((t, r) => t + r[j]!, 0) / Z.length);
      const expected = Z.map((r) => r.map((v, j) => (v - mean[j]!) / Math.sqrt(1 + 1e-5)));
      const p = matrixProblem(await s.call("zcaWhiten", Z), expected, { rtol: 1e-6, atol: 1e-8 }, "X");
      if (p !== null) fail(p);
    },
  },
  {
    name: "zcaWhiten: whitened data has covariance ≈ I, and eps is honoured",
    points: 2,
    run: async (s, ctx) => {
      const rng = ctx.rng("zca-cov");
      const lambda = [9, 4, 1, 0.25, 0.04];
      const { Z } = dataWithSpectrum(rng, 80, lambda);
      const X = await s.call<number[][]>("zcaWhiten", Z, 0.01);
      if (!Array.isArray(X)) fail("zcaWhiten must return a matrix");
      const C = covariance(X);
      // With eps the whitened variances along the eigenvectors are λ/(λ + eps): compare the traces.
      const trace = C.reduce((t, r, i) => t + r[i]!, 0);
      closeTo(
        trace,
        lambda.reduce((t, l) => t + l / (l + 0.01), 0),
        { rtol: 1e-6 },
        "trace of the whitened covariance",
      );
      const ev = symmetricEigenvalues(C);
      if (
        !vectorOk(
          ev,
          lambda.map((l) => l / (l + 0.01)),
          { rtol: 1e-6, atol: 1e-9 },
        )
      )
        fail("whitened spectrum");
    },
  },
  {
    name: "powerLawExponent: unsorted input, zeros and negatives dropped, noisy spectra",
    points: 2,
    run: async (s, ctx) => {
      const rng = ctx.rng("power");
      const lists = [
        [0.125, 1, 0, 0.5, 0.25, -0.01], // 2^-k shuffled: not a power law, still a least-squares fit
        Array.from({ length: 30 }, (_, k) => 7 * Math.pow(k + 1, -0.8)).reverse(),
        Array.from({ length: 40 }, (_, k) => Math.pow(k + 1, -1.1) * Math.exp(0.1 * rng.normal())),
        [...Array.from({ length: 10 }, (_, k) => Math.pow(k + 1, -2)), 0, 0, 0],
      ];
      return fraction(lists, async (l) => isClose(await s.call("powerLawExponent", l), powerLawExponent(l), { rtol: 1e-9 }));
    },
  },
]);
