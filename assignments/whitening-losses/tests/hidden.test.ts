import { defineTests, fail, isClose, allCloseOk, type Student } from "../../../grader/testing";
import type { Rng } from "../../../grader/rng";
import { covariance, hardWhiteningLoss, initRepresentation, softWhiteningLoss, stableRank, train, type TrainConfig, type TrainResult } from "../solution";
import { dataWithSpectrum, matrixProblem } from "./spectra-data";
import { EXPERIMENT, HARD_TOLERANCE, randomMatrix } from "./data";

// Every random input is drawn inside run() from ctx.rng(label): per grading, from the seed the
// grading keeps (a regrade reuses it), so what one submission learns of them is worthless to the next.

async function fraction(checks: (() => Promise<boolean>)[]): Promise<number> {
  let ok = 0;
  for (const c of checks) if (await c().catch(() => false)) ok++;
  return ok / checks.length;
}

/** Central finite differences of a trusted loss in every entry of Z. */
function finiteDifferences(loss: (Z: number[][]) => number, Z: number[][]): number[][] {
  const h = 1e-6;
  return Z.map((row, s) =>
    row.map((_, j) => {
      const up = Z.map((r) => r.slice());
      const dn = Z.map((r) => r.slice());
      up[s]![j]! += h;
      dn[s]![j]! -= h;
      return (loss(up) - loss(dn)) / (2 * h);
    }),
  );
}

/** A representation with a decaying spectrum and a target, as in the experiment. */
function problem(rng: Rng, n: number, d: number): { Z: number[][]; T: number[][] } {
  return { Z: randomMatrix(rng, n, d).map((r) => r.map((v, j) => v / (j + 1) + 0.3)), T: randomMatrix(rng, n, d) };
}

const runTrain = (s: Student, cfg: TrainConfig) => s.call<TrainResult>("train", cfg);

export default defineTests([
  {
    name: "covariance matches the reference on random data (center, divide by n)",
    points: 1,
    run: (s, ctx) => {
      const rng = ctx.rng("cov");
      const sets = Array.from({ length: 4 }, () => randomMatrix(rng, rng.int(3, 30), rng.int(1, 6)).map((r) => r.map((v) => v + 2)));
      return fraction(sets.map((Z) => async () => matrixProblem(await s.call("covariance", Z), covariance(Z), { rtol: 1e-9, atol: 1e-12 }, "C") === null));
    },
  },
  {
    name: "stableRank on data with known spectra: tr(C)/λ_max, not the rank (flat, power-law and collapsed spectra)",
    points: 2,
    run: (s, ctx) => {
      const rng = ctx.rng("srank");
      const spectra = [[1, 1, 1, 1], [9, 4, 1, 0.25, 0.04], [5, 2, 0, 0, 0, 0], Array.from({ length: 8 }, (_, k) => Math.pow(k + 1, -1.5))];
      return fraction(
        spectra.map((lambda) => async () => {
          const { Z } = dataWithSpectrum(rng, 40, lambda);
          const expected = lambda.reduce((t, v) => t + v, 0) / Math.max(...lambda);
          return isClose(await s.call("stableRank", Z), expected, { rtol: 1e-7 });
        }),
      );
    },
  },
  {
    name: "hardWhiteningLoss: the loss matches the reference (ZCA, eps inside the root) on random representations",
    points: 1,
    run: (s, ctx) => {
      const rng = ctx.rng("hard-loss");
      const cases = Array.from({ length: 4 }, () => problem(rng, rng.int(8, 24), rng.int(2, 5)));
      return fraction(
        cases.map(
          (c) => async () => isClose((await s.call<{ loss: number }>("hardWhiteningLoss", c.Z, c.T))?.loss, hardWhiteningLoss(c.Z, c.T).loss, { rtol: 1e-7 }),
        ),
      );
    },
  },
  {
    name: "hardWhiteningLoss: the gradient agrees with central finite differences on hidden inputs",
    points: 3,
    run: (s, ctx) => {
      const rng = ctx.rng("hard-grad");
      const cases = Array.from({ length: 3 }, () => problem(rng, rng.int(6, 12), rng.int(2, 4)));
      return fraction(
        cases.map((c) => async () => {
          const r = await s.call<{ grad: number[][] }>("hardWhiteningLoss", c.Z, c.T);
          return (
            matrixProblem(
              r?.grad,
              finiteDifferences((Z) => hardWhiteningLoss(Z, c.T).loss, c.Z),
              { rtol: 1e-4, atol: 1e-6 },
              "grad",
            ) === null
          );
        }),
      );
    },
  },
  {
    name: "softWhiteningLoss: loss and gradient (against finite differences) on hidden inputs and weights",
    points: 2,
    run: (s, ctx) => {
      const rng = ctx.rng("soft");
      const cases = Array.from({ length: 3 }, () => ({ ...problem(rng, rng.int(6, 14), rng.int(2, 5)), beta: rng.pick([0.1, 1, 3]) }));
      return fraction(
        cases.map((c) => async () => {
          const r = await s.call<{ loss: number; grad: number[][] }>("softWhiteningLoss", c.Z, c.T, c.beta);
          const fd = finiteDifferences((Z) => softWhiteningLoss(Z, c.T, c.beta).loss, c.Z);
          return (
            isClose(r?.loss, softWhiteningLoss(c.Z, c.T, c.beta).loss, { rtol: 1e-9 }) &&
            matrixProblem(r?.grad, fd, { rtol: 1e-4, atol: 1e-6 }, "grad") === null
          );
        }),
      );
    },
  },
  {
    name: "initRepresentation depends on the seed and follows the stated initialisation",
    points: 1,
    run: (s, ctx) => {
      const rng = ctx.rng("init");
      const cases = Array.from({ length: 3 }, () => ({ seed: rng.int(1, 2 ** 31 - 1), n: rng.int(2, 20), d: rng.int(1, 6) }));
      return fraction(
        cases.map(
          (c) => async () =>
            matrixProblem(await s.call("initRepresentation", c.seed, c.n, c.d), initRepresentation(c.seed, c.n, c.d), { rtol: 1e-12, atol: 1e-15 }, "Z0") ===
            null,
        ),
      );
    },
  },
  {
    name: "train: seeded start, then plain gradient descent on Z for both losses, deterministic for a seed",
    points: 2,
    run: (s, ctx) => {
      const rng = ctx.rng("train");
      const cfgs: TrainConfig[] = (["hard", "soft"] as const).map((loss) => {
        const n = rng.int(10, 24);
        const d = rng.int(3, 5);
        return { seed: rng.int(1, 1e6), n, d, T: randomMatrix(rng, n, d), loss, steps: rng.int(5, 15), lr: 0.05, beta: rng.pick([0.5, 1]) };
      });
      return fraction(
        cfgs.map((cfg) => async () => {
          const r = await runTrain(s, cfg);
          const ref = train(cfg);
          const same = (await runTrain(s, cfg)) !== null && JSON.stringify(await runTrain(s, cfg)) === JSON.stringify(r);
          return (
            same &&
            matrixProblem(r?.initial, ref.initial, { rtol: 1e-12, atol: 1e-15 }, "initial") === null &&
            matrixProblem(r.final, ref.final, { rtol: 1e-6, atol: 1e-9 }, "final") === null &&
            allCloseOk(r.losses, ref.losses, { rtol: 1e-6, atol: 1e-9 }) &&
            allCloseOk(r.stableRanks, ref.stableRanks, { rtol: 1e-6, atol: 1e-9 }) &&
            allCloseOk(r.spectrum, ref.spectrum, { rtol: 1e-6, atol: 1e-9 })
          );
        }),
      );
    },
  },
  {
    name: `the claim: 50 small steps of hard whitening change the stable rank by less than ${HARD_TOLERANCE * 100}% while the loss falls by half (hidden seeds and targets)`,
    points: 2,
    run: async (s, ctx) => {
      for (let r = 0; r < 2; r++) {
        const rng = ctx.rng(`claim-hard/${r}`);
        const cfg: TrainConfig = {
          seed: rng.int(1, 1e6),
          n: EXPERIMENT.n,
          d: EXPERIMENT.d,
          T: randomMatrix(rng, EXPERIMENT.n, EXPERIMENT.d),
          loss: "hard",
          steps: EXPERIMENT.steps,
          lr: EXPERIMENT.lr,
          beta: EXPERIMENT.beta,
        };
        const out = await runTrain(s, cfg);
        // Measured by the trusted code on the returned representations, not the reported numbers.
        const before = stableRank(out.initial);
        const after = stableRank(out.final);
        const l0 = hardWhiteningLoss(out.initial, cfg.T).loss;
        const l1 = hardWhiteningLoss(out.final, cfg.T).loss;
        if (!(l1 <= 0.5 * l0)) fail(`the hard whitening loss fell from ${l0.toFixed(3)} only to ${l1.toFixed(3)}`);
        if (!(Math.abs(after - before) <= HARD_TOLERANCE * before)) fail(`stable rank ${before.toFixed(4)} → ${after.toFixed(4)}`);
        if (!allCloseOk(out.stableRanks.slice(-1), [after], { rtol: 1e-6 })) fail("the reported stable ranks are not those of the returned representation");
      }
    },
  },
  {
    name: "the claim: soft whitening from the same start ends with a flatter spectrum (stable rank at least 25% higher) than hard whitening",
    points: 2,
    run: async (s, ctx) => {
      const rng = ctx.rng("claim-soft");
      const base = {
        seed: rng.int(1, 1e6),
        n: EXPERIMENT.n,
        d: EXPERIMENT.d,
        T: randomMatrix(rng, EXPERIMENT.n, EXPERIMENT.d),
        steps: EXPERIMENT.steps,
        lr: EXPERIMENT.lr,
        beta: EXPERIMENT.beta,
      };
      const hardRun = await runTrain(s, { ...base, loss: "hard" });
      const softRun = await runTrain(s, { ...base, loss: "soft" });
      const h = stableRank(hardRun.final);
      const so = stableRank(softRun.final);
      if (!(so >= 1.25 * h)) fail(`stable rank after soft whitening ${so.toFixed(3)}, after hard ${h.toFixed(3)}`);
      if (!(softWhiteningLoss(softRun.final, base.T, base.beta).loss < softWhiteningLoss(softRun.initial, base.T, base.beta).loss))
        fail("the soft loss did not go down");
    },
  },
]);
