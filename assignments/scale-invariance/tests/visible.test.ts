import { defineTests, allClose, assertEqual, closeTo, fail } from "../../../grader/testing";
import { lnLinearGrad, trainLnRegression } from "../solution";
import { createRng } from "../../../grader/rng";
import { figuresProblem, runArgs, stallFigures, trainingRun, type Figures } from "./training";

// The visible training run: a 4×3 layer started at ‖W0‖ ≈ 0.04, 12 samples, 300 steps of η = 0.2.
const RUN = trainingRun(createRng("scale/visible-run"), { dOut: 4, dIn: 3, n: 12, steps: 300, w0Scale: 0.01 });

const W = [
  [1, 0.5],
  [-0.3, 2],
  [0.7, -1],
];
const x = [1.5, -0.5];
const g = [0.2, -1, 0.4];

export default defineTests([
  {
    name: "lnLinear with W = I and x = (1, 2, 3)",
    points: 1,
    run: async (s) => {
      const y = await s.call(
        "lnLinear",
        [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
        [1, 2, 3],
      );
      allClose(y, [-Math.sqrt(1.5), 0, Math.sqrt(1.5)], { rtol: 1e-9, atol: 1e-12 });
    },
  },
  {
    name: "lnLinearGrad on a 3×2 example",
    points: 2,
    run: async (s) => {
      const G = await s.call<number[][]>("lnLinearGrad", W, x, g);
      const R = lnLinearGrad(W, x, g);
      if (!Array.isArray(G) || G.length !== R.length) fail(`expected a ${R.length}×2 matrix, got ${JSON.stringify(G)}`);
      R.forEach((row, i) => allClose(G[i], row, { rtol: 1e-7, atol: 1e-10 }, `gradient row ${i}`));
    },
  },
  {
    name: "effectiveStepSize(0.1, 2) = 0.025",
    points: 1,
    run: async (s) => closeTo(await s.call("effectiveStepSize", 0.1, 2), 0.025, { rtol: 1e-12 }),
  },
  {
    name: "stalledLayers with the default threshold",
    points: 1,
    run: async (s) => {
      const stats = [
        { name: "embed", weightNorm: 400, gradNorm: 0.02 },
        { name: "block.0", weightNorm: 10, gradNorm: 0.5 },
        { name: "block.1", weightNorm: 900, gradNorm: 0.05 },
      ];
      assertEqual(await s.call("stalledLayers", stats, 0.1), ["embed", "block.1"]);
    },
  },
  {
    name: "trainLnRegression: the first 5 steps of the visible run match the reference",
    points: 1,
    run: async (s) => {
      const short = { ...RUN, steps: 5 };
      const f = await s.call("trainLnRegression", ...runArgs(short));
      const p = figuresProblem(f, short.steps);
      if (p !== null) fail(p);
      const ref = trainLnRegression(short.W0, short.v0, short.X, short.targets, short.lr, short.steps);
      for (const k of ["weightNorm", "gradNorm", "loss"] as const) allClose((f as Figures)[k], ref[k], { rtol: 1e-6, atol: 1e-9 }, k);
    },
  },
  {
    // No points: it keeps the figures of the student's own run (right or wrong) for a chart of
    // ‖W‖, the effective step η/‖W‖² and the loss per step, and says what the run shows.
    name: "your visible training run, for the chart",
    points: 0,
    run: async (s) => {
      const f = await s.call("trainLnRegression", ...runArgs(RUN));
      if (figuresProblem(f, RUN.steps) !== null) return {};
      const figures = f as Figures;
      const m = stallFigures(figures, RUN.lr);
      console.log(
        `‖W‖: ${figures.weightNorm[0]!.toPrecision(3)} → ${figures.weightNorm.at(-1)!.toPrecision(3)}; ` +
          `effective step fell ${(1 / m.effectiveStepRatio).toPrecision(3)}×; ` +
          `relative update ${m.firstRelativeUpdate.toPrecision(3)} → ${m.lastRelativeUpdate.toPrecision(3)}; ` +
          `loss ${figures.loss[0]!.toPrecision(3)} → ${figures.loss.at(-1)!.toPrecision(3)}`,
      );
      return {
        record: {
          trainingWeightNorm: figures.weightNorm,
          trainingEffectiveStep: figures.weightNorm.map((w) => RUN.lr / (w * w)),
          trainingLoss: figures.loss,
        },
      };
    },
  },
]);
