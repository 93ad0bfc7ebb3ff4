import { defineTests, allClose, closeTo, fail } from "../../../grader/testing";
import { hardWhiteningLoss, softWhiteningLoss, train, type TrainResult } from "../solution";
import { EXPERIMENT, PLOT_SEED, PLOT_TARGET } from "./data";

const SMALL = [
  [2, 1],
  [-2, -1],
  [2, -1],
  [-2, 1],
];
const TARGET = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];
const Z3 = [
  [1, 0.5, -1],
  [0.2, -1, 2],
  [-0.7, 0.3, 0.1],
  [1.5, 1, 0],
  [0, -0.4, -0.6],
];
const T3 = Z3.map((r) => r.map((v, j) => 0.5 * v + (j === 1 ? 0.3 : -0.2)));
const plotRun = (loss: "hard" | "soft") => ({
  seed: PLOT_SEED,
  n: EXPERIMENT.n,
  d: EXPERIMENT.d,
  T: PLOT_TARGET,
  loss,
  steps: EXPERIMENT.steps,
  lr: EXPERIMENT.lr,
  beta: EXPERIMENT.beta,
});

export default defineTests([
  {
    name: "covariance of a 4×2 data set is diag(4, 1)",
    points: 1,
    run: async (s) => {
      const C = await s.call<number[][]>("covariance", SMALL);
      if (!Array.isArray(C) || C.length !== 2) fail("expected a 2×2 matrix");
      allClose(C[0], [4, 0], { atol: 1e-12 }, "C[0]");
      allClose(C[1], [0, 1], { atol: 1e-12 }, "C[1]");
    },
  },
  {
    name: "stableRank of the 4×2 data set is (4 + 1) / 4 = 1.25",
    points: 1,
    run: async (s) => closeTo(await s.call("stableRank", SMALL), 1.25, { rtol: 1e-9 }),
  },
  {
    name: "hardWhiteningLoss of a 5×3 representation: the loss",
    points: 1,
    run: async (s) => closeTo((await s.call<{ loss: number }>("hardWhiteningLoss", Z3, T3))?.loss, hardWhiteningLoss(Z3, T3).loss, { rtol: 1e-7 }, "loss"),
  },
  {
    name: "softWhiteningLoss of the 4×2 data set with beta = 0.5: loss and gradient",
    points: 1,
    run: async (s) => {
      const r = await s.call<{ loss: number; grad: number[][] }>("softWhiteningLoss", SMALL, TARGET, 0.5);
      const ref = softWhiteningLoss(SMALL, TARGET, 0.5);
      closeTo(r?.loss, ref.loss, { rtol: 1e-9 }, "loss");
      if (!Array.isArray(r?.grad)) fail("grad must be a 4×2 matrix");
      ref.grad.forEach((row, i) => allClose(r.grad[i], row, { rtol: 1e-9, atol: 1e-12 }, `grad[${i}]`));
    },
  },
  {
    name: "train returns steps + 1 losses and stable ranks, and the final spectrum in descending order",
    points: 1,
    run: async (s) => {
      const r = await s.call<TrainResult>("train", { ...plotRun("soft"), steps: 5 });
      if (!Array.isArray(r?.losses) || r.losses.length !== 6 || !Array.isArray(r.stableRanks) || r.stableRanks.length !== 6)
        fail("losses and stableRanks need steps + 1 entries");
      if (!Array.isArray(r.spectrum) || r.spectrum.length !== EXPERIMENT.d || r.spectrum.some((v, i) => i > 0 && v > r.spectrum[i - 1]!))
        fail("spectrum: d eigenvalues, descending");
      if (!(r.losses[5]! < r.losses[0]!)) fail("the loss should go down");
    },
  },
  {
    // No points: it keeps the student's two runs for the charts on their page, right or wrong.
    name: "your hard and soft whitening runs from the same start, for the charts",
    points: 0,
    run: async (s) => {
      const runs = await s.callEach<TrainResult>("train", [[plotRun("hard")], [plotRun("soft")]]);
      const nums = (v: unknown, max: number) =>
        Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isFinite(x)) ? (v as number[]).slice(0, max) : [];
      const get = (i: number) => (runs[i]?.status === "fulfilled" ? runs[i].value : undefined);
      const hardRun = get(0);
      const softRun = get(1);
      return {
        record: {
          hardSpectrum: nums(hardRun?.spectrum, 64),
          softSpectrum: nums(softRun?.spectrum, 64),
          // The reference's start (steps = 0) is the student's start too when their seeding is right.
          initialSpectrum: train({ ...plotRun("hard"), steps: 0 }).spectrum,
          hardStableRanks: nums(hardRun?.stableRanks, 1001),
          softStableRanks: nums(softRun?.stableRanks, 1001),
        },
      };
    },
  },
]);
