import { defineTests, allClose, closeTo, fail } from "../../../grader/testing";
import { forward, groupLayerNorm, initParams, lossAndGradient, train, type Params, type TrainResult } from "../solution";
import { paramsProblem } from "./checks";
import { EXPERIMENT, PLOT_SEED, PLOT_SET, referenceFractions, thin } from "./data";

const SMALL: Params = {
  W: [
    [1, -1],
    [0.5, 2],
    [-1, 0],
    [2, 1],
    [0, 1],
    [1, 1],
  ],
  b: [0, 0.5, -0.5, 1, 0, -1],
  v: [1, -1, 0.5, 0.25, -2, 1],
  c: 0.1,
};
const X = [
  [1, 2],
  [-1, 0.5],
  [0.3, -2],
  [2, 2],
];
const Y = [1, -1, -1, 1];

export default defineTests([
  {
    name: "groupLayerNorm of [1, 2, 3, 10, 20, 60] with 2 groups normalizes each half on its own",
    points: 2,
    run: async (s) => allClose(await s.call("groupLayerNorm", [1, 2, 3, 10, 20, 60], 2), groupLayerNorm([1, 2, 3, 10, 20, 60], 2), { rtol: 1e-9, atol: 1e-12 }),
  },
  {
    name: "forward of a width-6 network with 2 groups at x = (1, 2)",
    points: 1,
    run: async (s) => closeTo(await s.call("forward", SMALL, [1, 2], 2), forward(SMALL, [1, 2], 2), { rtol: 1e-9 }),
  },
  {
    name: "lossAndGradient on four points: the mean logistic loss and dL/dc",
    points: 1,
    run: async (s) => {
      const r = await s.call<{ loss: number; grad: Params }>("lossAndGradient", SMALL, X, Y, 3);
      const ref = lossAndGradient(SMALL, X, Y, 3);
      closeTo(r?.loss, ref.loss, { rtol: 1e-9 }, "loss");
      closeTo(r?.grad?.c, ref.grad.c, { rtol: 1e-7 }, "grad.c");
    },
  },
  {
    name: "initParams(7, 6, 2) follows the stated order and scales",
    points: 1,
    run: async (s) => {
      const p = paramsProblem(await s.call("initParams", 7, 6, 2), initParams(7, 6, 2), { rtol: 1e-12, atol: 1e-15 }, "params");
      if (p !== null) fail(p);
    },
  },
  {
    // No points: it keeps the student's experiment on the plot data set for the chart on their
    // page, right or wrong (an assertion would lose the record).
    name: "your experiment on the plot data set (width 12, 1, 2 and 4 groups), for the chart",
    points: 0,
    run: async (s) => {
      const runs = await s.callEach<TrainResult>(
        "train",
        EXPERIMENT.groupCounts.map((groups) => [{ ...PLOT_SET, width: EXPERIMENT.width, groups, steps: EXPERIMENT.steps, lr: EXPERIMENT.lr, seed: PLOT_SEED }]),
      );
      const fraction = (r: PromiseSettledResult<TrainResult>) =>
        r.status === "fulfilled" && Number.isFinite(r.value?.fittedFraction) ? r.value.fittedFraction : 0;
      const curve = (r: PromiseSettledResult<TrainResult> | undefined) =>
        r?.status === "fulfilled" && Array.isArray(r.value?.losses) && r.value.losses.every(Number.isFinite) ? thin(r.value.losses.slice(0, 1001), 10) : [];
      return {
        record: {
          groupCounts: [...EXPERIMENT.groupCounts],
          fittedFraction: runs.map(fraction),
          referenceFittedFraction: referenceFractions(),
          lossCurve1: curve(runs[0]),
          lossCurve2: curve(runs[1]),
          lossCurve4: curve(runs[2]),
          lossCurveEvery: 10,
        },
      };
    },
  },
  {
    name: "train on the plot data set with 4 groups: the loss goes down and fitted fraction matches the final parameters",
    points: 1,
    run: async (s) => {
      const r = await s.call<TrainResult>("train", { ...PLOT_SET, width: 12, groups: 4, steps: 50, lr: EXPERIMENT.lr, seed: 3 });
      if (!Array.isArray(r?.losses) || r.losses.length !== 51) fail("losses must have steps + 1 entries (before each step, and the final loss)");
      if (!(r.losses[50]! < r.losses[0]!)) fail(`the loss did not go down: ${r.losses[0]} → ${r.losses[50]}`);
      const fitted = PLOT_SET.X.filter((x, n) => Math.sign(forward(r.final, x, 4)) === PLOT_SET.y[n]).length / PLOT_SET.X.length;
      closeTo(r.fittedFraction, fitted, { atol: 1e-12 }, "fittedFraction of your final parameters");
      closeTo(
        r.fittedFraction,
        train({ ...PLOT_SET, width: 12, groups: 4, steps: 50, lr: EXPERIMENT.lr, seed: 3 }).fittedFraction,
        { atol: 0.05 },
        "fittedFraction",
      );
    },
  },
]);
