// Hidden tests: students see only each test's name, points and outcome. They target the usual
// mistakes: eps outside the sqrt or forgotten, unbiased variance, one-pass variance (fails at
// offsets of 1e6), gamma/beta defaults, interleaved instead of contiguous groups, weak checks.
import type { Rng } from "../../../grader/rng";
import { allClose, allCloseOk, defineTests, fail, type Student, type StudentError } from "../../../grader/testing";
import { refGroupNorm, refLayerNorm, refRmsNorm, TOL } from "./reference";

function vector(rng: Rng, n: number, scale = 1, offset = 0): number[] {
  return Array.from({ length: n }, () => offset + scale * rng.normal());
}

/**
 * Fraction of the cases whose answer is close to the reference. All cases go to the sandbox in one
 * batch (callEach); a case that throws counts as wrong, a timeout fails the whole test.
 */
async function fraction(s: Student, fn: string, argLists: unknown[][], expected: number[][]): Promise<number> {
  const outcomes = await s.callEach<number[]>(fn, argLists);
  const ok = outcomes.filter((o, i) => o.status === "fulfilled" && allCloseOk(o.value, expected[i]!, TOL)).length;
  return ok / argLists.length;
}

// Random inputs are drawn per grading (ctx.rng), so what one submission learns about them is
// worthless to the next; the fixed cases below are edge cases whose answers follow from the statement.
const tiny = Array.from({ length: 16 }, (_, i) => 3 + 1e-4 * Math.sin(i * 1.7)); // variance ≈ 5e-9
const offsetVector = (rng: Rng) => vector(rng, 32, 1, 1e6);
const randomLn = (rng: Rng) =>
  Array.from({ length: 12 }, (_, k) => {
    const n = 1 + rng.int(1, 64);
    const x = vector(rng, n, rng.uniform(0.1, 10), rng.uniform(-5, 5));
    const gamma = k % 3 === 0 ? undefined : vector(rng, n);
    const beta = k % 3 === 2 ? vector(rng, n) : undefined;
    const eps = k % 4 === 1 ? 1e-3 : undefined;
    return { x, gamma, beta, eps };
  });
const randomRms = (rng: Rng) =>
  Array.from({ length: 12 }, (_, k) => {
    const n = 1 + rng.int(1, 64);
    return { x: vector(rng, n, rng.uniform(0.01, 10), rng.uniform(-3, 3)), gamma: k % 2 ? vector(rng, n) : undefined };
  });
const randomGroups = (rng: Rng) =>
  Array.from({ length: 10 }, () => {
    const groups = rng.int(2, 6);
    const size = rng.int(1, 8);
    return { x: vector(rng, groups * size, rng.uniform(0.5, 5), rng.uniform(-10, 10)), groups };
  });

export default defineTests([
  {
    name: "layerNorm: constant vector gives zeros",
    points: 1,
    run: async (s) => {
      allClose(await s.call("layerNorm", [5, 5, 5, 5]), [0, 0, 0, 0], TOL);
      allClose(await s.call("layerNorm", [-2.5, -2.5]), [0, 0], TOL);
    },
  },
  {
    name: "layerNorm: tiny variance (eps inside the square root)",
    points: 1,
    run: async (s) => allClose(await s.call("layerNorm", tiny), refLayerNorm(tiny), TOL),
  },
  {
    name: "layerNorm: large offset (1e6) is numerically stable",
    points: 1,
    run: async (s, ctx) => {
      const offset = offsetVector(ctx.rng());
      allClose(await s.call("layerNorm", offset), refLayerNorm(offset), TOL);
    },
  },
  {
    name: "layerNorm: length 1",
    points: 1,
    run: async (s) => {
      allClose(await s.call("layerNorm", [7]), [0], TOL);
      allClose(await s.call("layerNorm", [7], [3], [0.5]), [0.5], TOL);
    },
  },
  {
    name: "layerNorm: gamma and beta are applied per element",
    points: 1,
    run: async (s) => {
      const x = [0.3, -1.2, 2.2, 0, 5];
      const g = [2, -1, 0.5, 3, 1e-3];
      const b = [-1, 0, 1, 2, 3];
      allClose(await s.call("layerNorm", x, g, b), refLayerNorm(x, g, b), TOL);
      allClose(await s.call("layerNorm", x, g), refLayerNorm(x, g), TOL);
      allClose(await s.call("layerNorm", x, undefined, b), refLayerNorm(x, undefined, b), TOL);
    },
  },
  {
    name: "layerNorm: a given eps is used",
    points: 1,
    run: async (s) => {
      const x = [1, 2, 4, 8];
      allClose(await s.call("layerNorm", x, undefined, undefined, 0.5), refLayerNorm(x, undefined, undefined, 0.5), TOL);
      allClose(await s.call("layerNorm", x, undefined, undefined, 0), refLayerNorm(x, undefined, undefined, 0), TOL);
    },
  },
  {
    // The variance (about 7e-6) is below the default eps, so `eps || 1e-5` or `eps ?? 1e-5` done
    // wrong changes every output; with eps = 0 the output is the exactly standardized vector.
    name: "eps = 0 is honoured, not replaced by the default (layerNorm, rmsNorm, groupNorm)",
    points: 1,
    run: async (s) => {
      const x = [0.001, 0.002, 0.004, 0.008];
      allClose(await s.call("layerNorm", x, undefined, undefined, 0), refLayerNorm(x, undefined, undefined, 0), TOL);
      allClose(await s.call("rmsNorm", x, undefined, 0), refRmsNorm(x, undefined, 0), TOL);
      allClose(await s.call("groupNorm", [...x, ...x.map((v) => -v)], 2, 0), refGroupNorm([...x, ...x.map((v) => -v)], 2, 0), TOL);
    },
  },
  {
    name: "layerNorm: seeded random vectors (partial credit)",
    points: 2,
    run: (s, ctx) => {
      const cases = randomLn(ctx.rng());
      return fraction(
        s,
        "layerNorm",
        cases.map((c) => (c.eps === undefined ? [c.x, c.gamma, c.beta] : [c.x, c.gamma, c.beta, c.eps])),
        cases.map((c) => refLayerNorm(c.x, c.gamma, c.beta, c.eps)),
      );
    },
  },
  {
    name: "rmsNorm: zero and constant vectors",
    points: 1,
    run: async (s) => {
      allClose(await s.call("rmsNorm", [0, 0, 0]), [0, 0, 0], TOL);
      allClose(await s.call("rmsNorm", [2, 2, 2, 2]), refRmsNorm([2, 2, 2, 2]), TOL);
    },
  },
  {
    name: "rmsNorm: tiny values (eps matters)",
    points: 1,
    run: async (s) => {
      const x = [1e-4, -2e-4, 3e-5, 5e-5];
      allClose(await s.call("rmsNorm", x), refRmsNorm(x), TOL);
    },
  },
  {
    name: "rmsNorm: does not subtract the mean (large offset)",
    points: 1,
    run: async (s, ctx) => {
      const offset = offsetVector(ctx.rng());
      allClose(await s.call("rmsNorm", offset), refRmsNorm(offset), TOL);
    },
  },
  {
    name: "rmsNorm: gamma, length 1 and a given eps",
    points: 1,
    run: async (s) => {
      allClose(await s.call("rmsNorm", [1, -2, 3], [0.5, 2, -1]), refRmsNorm([1, -2, 3], [0.5, 2, -1]), TOL);
      allClose(await s.call("rmsNorm", [-3]), refRmsNorm([-3]), TOL);
      allClose(await s.call("rmsNorm", [1, 2], undefined, 2), refRmsNorm([1, 2], undefined, 2), TOL);
    },
  },
  {
    name: "rmsNorm: seeded random vectors (partial credit)",
    points: 2,
    run: (s, ctx) => {
      const cases = randomRms(ctx.rng());
      return fraction(
        s,
        "rmsNorm",
        cases.map((c) => [c.x, c.gamma]),
        cases.map((c) => refRmsNorm(c.x, c.gamma)),
      );
    },
  },
  {
    name: "groupNorm: one group equals layerNorm without affine",
    points: 1,
    run: async (s, ctx) => {
      const x = vector(ctx.rng(), 9, 3, 2);
      allClose(await s.call("groupNorm", x, 1), refLayerNorm(x), TOL);
    },
  },
  {
    name: "groupNorm: one group per element gives zeros",
    points: 1,
    run: async (s) => allClose(await s.call("groupNorm", [4, -1, 9], 3), [0, 0, 0], TOL),
  },
  {
    name: "groupNorm: groups are contiguous chunks, with a given eps",
    points: 1,
    run: async (s) => {
      const x = [1, 2, 3, 100, 200, 300, -1, 0, 1e-4, 5, 5, 5];
      allClose(await s.call("groupNorm", x, 4), refGroupNorm(x, 4), TOL);
      allClose(await s.call("groupNorm", x, 2, 0.25), refGroupNorm(x, 2, 0.25), TOL);
      allClose(await s.call("groupNorm", tiny, 2), refGroupNorm(tiny, 2), TOL);
    },
  },
  {
    name: "groupNorm: seeded random vectors (partial credit)",
    points: 2,
    run: (s, ctx) => {
      const cases = randomGroups(ctx.rng());
      return fraction(
        s,
        "groupNorm",
        cases.map((c) => [c.x, c.groups]),
        cases.map((c) => refGroupNorm(c.x, c.groups)),
      );
    },
  },
  {
    name: "groupNorm: invalid groups throw RangeError (partial credit)",
    points: 2,
    run: async (s) => {
      // A groupNorm that throws on everything (or overflows its stack) earns nothing here.
      const x = [1, 2, 3, 4, 5, 6];
      const valid = [1, 2, 3, 6];
      if (
        (await fraction(
          s,
          "groupNorm",
          valid.map((g) => [x, g]),
          valid.map((g) => refGroupNorm(x, g)),
        )) < 1
      ) {
        fail("groupNorm must be right on valid groups before its error handling is graded");
      }
      // Each invalid count must throw a RangeError (a timeout fails the whole batch, and the test).
      const bad: number[] = [0, -2, 1.5, NaN, Infinity, 5, 7];
      const outcomes = await s.callEach(
        "groupNorm",
        bad.map((g) => [x, g]),
      );
      const ok = outcomes.filter(
        (o) => o.status === "rejected" && (o.reason as StudentError).kind === "threw" && (o.reason as StudentError).errorName === "RangeError",
      ).length;
      return ok / bad.length;
    },
  },
]);
