import { defineTests, allClose, closeTo } from "../../../grader/testing";
import { covariance, zcaWhiten } from "../solution";
import { assertMatrixClose } from "./checks";
import { referenceEigenvalues, Z as PLOT_Z } from "./plot-dataset";

const SMALL = [
  [1, 2],
  [3, 0],
  [-1, 4],
  [5, 2],
];

export default defineTests([
  {
    name: "covariance of a 4×2 data set (center, divide by n)",
    points: 2,
    run: async (s) =>
      assertMatrixClose(
        await s.call("covariance", SMALL),
        [
          [5, -2],
          [-2, 2],
        ],
        { rtol: 1e-9, atol: 1e-12 },
      ),
  },
  {
    name: "symmetricEigenvalues of [[2, 1], [1, 2]] is [3, 1]",
    points: 1,
    run: async (s) =>
      allClose(
        await s.call("symmetricEigenvalues", [
          [2, 1],
          [1, 2],
        ]),
        [3, 1],
        { rtol: 1e-9, atol: 1e-12 },
      ),
  },
  {
    name: "symmetricEigenvalues of the covariance of the 16-dimensional plot data set (λ_k = 4·k^-1.5)",
    points: 2,
    run: async (s) => {
      // The grader's covariance of the data set, so a covariance mistake costs only the covariance tests.
      allClose(await s.call("symmetricEigenvalues", covariance(PLOT_Z)), referenceEigenvalues(), { rtol: 1e-6, atol: 1e-10 }, "eigenvalues");
    },
  },
  {
    // No points: it only keeps the student's spectrum of the plot data set for the log-log chart
    // on their page, right or wrong (an assertion failure would lose the record).
    name: "your spectrum of the plot data set, for the chart",
    points: 0,
    run: async (s) => {
      const eigenvalues = await s.call("symmetricEigenvalues", await s.call("covariance", PLOT_Z));
      const finite = Array.isArray(eigenvalues) && eigenvalues.every((v) => typeof v === "number" && Number.isFinite(v));
      return { record: { eigenvalues: finite ? (eigenvalues as number[]).slice(0, 64) : [], referenceEigenvalues: referenceEigenvalues() } };
    },
  },
  {
    name: "effectiveRank of [1, 1, 1, 1] is 4 and of [2, 0, 0] is 1",
    points: 1,
    run: async (s) => {
      closeTo(await s.call("effectiveRank", [1, 1, 1, 1]), 4, { rtol: 1e-12 }, "effectiveRank([1,1,1,1])");
      closeTo(await s.call("effectiveRank", [2, 0, 0]), 1, { rtol: 1e-12 }, "effectiveRank([2,0,0])");
    },
  },
  {
    name: "zcaWhiten of the 4×2 data set",
    points: 2,
    run: async (s) => assertMatrixClose(await s.call("zcaWhiten", SMALL), zcaWhiten(SMALL), { rtol: 1e-6, atol: 1e-9 }),
  },
  {
    name: "powerLawExponent of λ_k = 3·k^-1.5 (k = 1..10) is 1.5",
    points: 1,
    run: async (s) => {
      const lam = Array.from({ length: 10 }, (_, k) => 3 * Math.pow(k + 1, -1.5));
      closeTo(await s.call("powerLawExponent", lam), 1.5, { rtol: 1e-9 });
    },
  },
]);
