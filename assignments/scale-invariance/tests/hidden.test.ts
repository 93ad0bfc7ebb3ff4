import { defineTests, assertEqual, fail, isClose, type Student, type TestContext } from "../../../grader/testing";
import { createRng, type Rng } from "../../../grader/rng";
import { effectiveStepSize, lnLinear, lnLinearGrad, stalledLayers, trainLnRegression } from "../solution";
import { figuresProblem, runArgs, stallFigures, trainingRun, type Figures } from "./training";

type Case = { W: number[][]; x: number[]; g: number[] };

function randomCase(rng: Rng): Case {
  const out = rng.int(3, 6); // width 2 is degenerate: LN of a 2-vector is ±(1, −1), its gradient 0
  const inp = rng.int(1, 5);
  return {
    W: Array.from({ length: out }, () => Array.from({ length: inp }, () => rng.normal())),
    x: Array.from({ length: inp }, () => rng.normal()),
    g: Array.from({ length: out }, () => rng.normal()),
  };
}

// Drawn per grading from the test's ctx.rng, so hidden inputs differ from one submission to the next.
function cases(rng: Rng, n: number): Case[] {
  return Array.from({ length: n }, () => randomCase(rng));
}

const frob = (A: number[][], B: number[][]) => A.reduce((s, row, i) => s + row.reduce((t, a, j) => t + a * B[i]![j]!, 0), 0);

function isMatrix(G: unknown, rows: number, cols: number): G is number[][] {
  return (
    Array.isArray(G) &&
    G.length === rows &&
    G.every((r) => Array.isArray(r) && r.length === cols && r.every((v) => typeof v === "number" && Number.isFinite(v)))
  );
}

/** Central finite differences of the trusted g·lnLinear(W, x) with respect to W. */
function finiteDifferenceGrad({ W, x, g }: Case, h = 1e-6): number[][] {
  const f = (M: number[][]) => lnLinear(M, x).reduce((s, v, i) => s + g[i]! * v, 0);
  return W.map((row, i) =>
    row.map((_, j) => {
      const plus = W.map((r) => r.slice());
      const minus = W.map((r) => r.slice());
      plus[i]![j] = plus[i]![j]! + h;
      minus[i]![j] = minus[i]![j]! - h;
      return (f(plus) - f(minus)) / (2 * h);
    }),
  );
}

async function fraction(items: Case[], ok: (c: Case) => Promise<boolean>): Promise<number> {
  let n = 0;
  for (const c of items) if (await ok(c)) n++;
  return n / items.length;
}

const matrixClose = (G: unknown, R: number[][], rtol: number, atol: number) =>
  isMatrix(G, R.length, R[0]!.length) && R.every((row, i) => row.every((v, j) => isClose(G[i]![j], v, { rtol, atol })));

export default defineTests([
  {
    name: "lnLinear matches the reference on random layers",
    points: 2,
    run: (s, ctx) =>
      fraction(cases(ctx.rng("ln"), 15), async ({ W, x }) => {
        const y = await s.call<number[]>("lnLinear", W, x);
        const r = lnLinear(W, x);
        return Array.isArray(y) && y.length === r.length && r.every((v, i) => isClose(y[i], v, { rtol: 1e-9, atol: 1e-12 }));
      }),
  },
  {
    name: "your lnLinear is exactly scale invariant (eps = 0): lnLinear(1e-4·W, x) = lnLinear(W, x)",
    points: 1,
    run: (s, ctx) =>
      // Against the student's own lnLinear(W, x), so a convention slip (say d − 1) that is still
      // scale invariant is charged once, in the test above; a constant output is not invariance.
      fraction(cases(ctx.rng("ln-tiny"), 6), async ({ W, x }) => {
        const y = await s.call<number[]>(
          "lnLinear",
          W.map((r) => r.map((v) => 1e-4 * v)),
          x,
        );
        const own = await s.call<number[]>("lnLinear", W, x);
        if (!Array.isArray(own) || own.length !== W.length || !own.every((v) => typeof v === "number" && Number.isFinite(v))) return false;
        if (Math.max(...own) - Math.min(...own) < 1e-6) return false;
        return Array.isArray(y) && own.every((v, i) => isClose(y[i], v, { rtol: 1e-8, atol: 1e-10 }));
      }),
  },
  {
    name: "lnLinearGrad agrees with central finite differences",
    points: 3,
    run: (s, ctx) =>
      fraction(cases(ctx.rng("fd"), 12), async (c) => {
        const G = await s.call("lnLinearGrad", c.W, c.x, c.g);
        return matrixClose(G, finiteDifferenceGrad(c), 1e-5, 1e-6);
      }),
  },
  {
    name: "lnLinearGrad matches the reference to 1e-9",
    points: 1,
    run: (s, ctx) =>
      fraction(cases(ctx.rng("ref"), 10), async (c) => matrixClose(await s.call("lnLinearGrad", c.W, c.x, c.g), lnLinearGrad(c.W, c.x, c.g), 1e-9, 1e-12)),
  },
  {
    name: "your gradient at αW is your gradient at W divided by α (and not zero)",
    points: 2,
    run: (s, ctx) => {
      const rng = ctx.rng("alpha");
      return fraction(cases(ctx.rng("alpha-cases"), 8), async (c) => {
        const alpha = rng.pick([0.01, 0.5, 3, 40]);
        // The student's own gradient at W and at αW: the 1/α law is tested on its own, not
        // only for a gradient that already matches the reference.
        const G1 = await s.call("lnLinearGrad", c.W, c.x, c.g);
        const Ga = await s.call(
          "lnLinearGrad",
          c.W.map((r) => r.map((v) => alpha * v)),
          c.x,
          c.g,
        );
        if (!isMatrix(G1, c.W.length, c.x.length) || Math.sqrt(frob(G1, G1)) < 1e-3 * Math.sqrt(frob(lnLinearGrad(c.W, c.x, c.g), lnLinearGrad(c.W, c.x, c.g))))
          return false;
        return matrixClose(
          Ga,
          G1.map((r) => r.map((v) => v / alpha)),
          1e-6,
          1e-9,
        );
      });
    },
  },
  {
    name: "your gradient is orthogonal to W (Frobenius inner product ≈ 0) and not zero",
    points: 2,
    run: (s, ctx) =>
      fraction(cases(ctx.rng("orth"), 10), async (c) => {
        const G = await s.call("lnLinearGrad", c.W, c.x, c.g);
        if (!isMatrix(G, c.W.length, c.x.length)) return false;
        // Orthogonality of the student's own gradient; "not zero" is against the reference's size,
        // loosely, so a gradient off by a constant factor is charged elsewhere, not here.
        const gn = Math.sqrt(frob(G, G));
        const rn = Math.sqrt(frob(lnLinearGrad(c.W, c.x, c.g), lnLinearGrad(c.W, c.x, c.g)));
        const wn = Math.sqrt(frob(c.W, c.W));
        return gn >= 1e-3 * rn && Math.abs(frob(G, c.W)) <= 1e-9 * gn * wn;
      }),
  },
  {
    name: "effectiveStepSize on random values",
    points: 1,
    run: async (s, ctx) => {
      const rng = ctx.rng("eff");
      for (let i = 0; i < 10; i++) {
        const lr = rng.uniform(1e-4, 1);
        const norm = rng.uniform(0.1, 100);
        const v = await s.call("effectiveStepSize", lr, norm);
        if (!isClose(v, effectiveStepSize(lr, norm), { rtol: 1e-12 })) fail("effectiveStepSize is wrong");
      }
    },
  },
  {
    name: "stalledLayers: random layers, input order, custom threshold",
    points: 2,
    run: async (s: Student, ctx: TestContext) => {
      const rng = ctx.rng("stalled");
      for (let t = 0; t < 6; t++) {
        const stats = Array.from({ length: rng.int(0, 12) }, (_, i) => ({
          name: `layer${rng.int(0, 99)}_${i}`,
          weightNorm: Math.exp(rng.uniform(-1, 8)),
          gradNorm: Math.exp(rng.uniform(-6, 1)),
        }));
        const lr = rng.pick([1e-3, 1e-2, 0.1]);
        if (t % 2 === 0) assertEqual(await s.call("stalledLayers", stats, lr), stalledLayers(stats, lr));
        else {
          const th = rng.pick([1e-6, 1e-3, 1e-2]);
          assertEqual(await s.call("stalledLayers", stats, lr, th), stalledLayers(stats, lr, th));
        }
      }
    },
  },
  {
    name: "stalledLayers: a ratio exactly at the threshold is not stalled",
    points: 1,
    run: async (s) => {
      const stats = [
        { name: "at", weightNorm: 4, gradNorm: 0.5 }, // 0.5·0.5/4 = 0.0625
        { name: "below", weightNorm: 8, gradNorm: 0.5 },
      ];
      assertEqual(await s.call("stalledLayers", stats, 0.5, 0.0625), ["below"]);
    },
  },
  {
    name: "trainLnRegression reproduces the reference's figures on hidden runs (partial credit)",
    points: 2,
    // Fixed runs, not ctx.rng: from a small W the first steps amplify rounding, and on some draws two
    // correct implementations drift past the tolerance; a correct solution must never lose points so.
    run: async (s) => {
      const rng = createRng("scale/train-ref");
      const runs = [
        trainingRun(rng, { dOut: 4, dIn: 3, n: 12, steps: 120 }),
        trainingRun(rng, { dOut: 6, dIn: 2, n: 20, steps: 80, lr: 0.1 }),
        trainingRun(rng, { dOut: 3, dIn: 5, n: 9, steps: 150, w0Scale: 1 }),
      ];
      let ok = 0;
      for (const r of runs) {
        const f = await s.call("trainLnRegression", ...runArgs(r));
        if (figuresProblem(f, r.steps) !== null) continue;
        const ref = trainLnRegression(r.W0, r.v0, r.X, r.targets, r.lr, r.steps);
        const mine = f as Figures;
        // rtol 1e-4: the first steps from a small W have huge gradients, which amplify rounding
        // differences between correct implementations to about 1e-5 by the end of a run.
        if ((["weightNorm", "gradNorm", "loss"] as const).every((k) => ref[k].every((v, i) => isClose(mine[k][i], v, { rtol: 1e-4, atol: 1e-8 })))) ok++;
      }
      return ok / runs.length;
    },
  },
  {
    name: "your training run: ‖W‖ never shrinks, and each step adds η²‖∇_W‖² to ‖W‖² (the gradient is ⊥ W)",
    points: 1,
    run: async (s, ctx) => {
      const r = trainingRun(ctx.rng("train-pythagoras"), { dOut: 5, dIn: 3, n: 10, steps: 60 });
      const f = await s.call("trainLnRegression", ...runArgs(r));
      const p = figuresProblem(f, r.steps);
      if (p !== null) fail(p);
      const { weightNorm: w, gradNorm: g } = f as Figures;
      if (Math.abs(w[0]! - Math.sqrt(frob(r.W0, r.W0))) > 1e-12 * w[0]!) fail("weightNorm[0] must be ‖W0‖_F");
      for (let k = 0; k + 1 < r.steps; k++) {
        if (w[k + 1]! < w[k]! * (1 - 1e-12)) fail(`‖W‖ shrank at step ${k + 1}`);
        const expected = w[k]! ** 2 + r.lr ** 2 * g[k]! ** 2;
        if (!isClose(w[k + 1]! ** 2, expected, { rtol: 1e-9 })) fail(`‖W_${k + 1}‖² ≠ ‖W_${k}‖² + η²‖∇_${k}‖²`);
      }
      if (g.every((v) => v === 0)) fail("the gradient is never non-zero");
    },
  },
  {
    name: "your training run shows the stall: η/‖W‖² falls over 100×, the layer's relative update ends below 1e-2, the loss still falls",
    points: 2,
    // Fixed data, not ctx.rng: the stall's thresholds hold for this run (and most draws, not all),
    // and a correct solution must never lose points to an unlucky seed.
    run: async (s) => {
      const r = trainingRun(createRng("scale/train-stall"), { dOut: 4, dIn: 3, n: 12, steps: 300, w0Scale: 0.01 });
      const f = await s.call("trainLnRegression", ...runArgs(r));
      const p = figuresProblem(f, r.steps);
      if (p !== null) fail(p);
      const m = stallFigures(f as Figures, r.lr);
      let ok = 0;
      if (m.effectiveStepRatio < 1e-2) ok++;
      if (m.lastRelativeUpdate < 1e-2 && m.lastRelativeUpdate < 1e-3 * m.firstRelativeUpdate) ok++;
      const loss = (f as Figures).loss;
      if (m.lateLossRatio < 0.95 && loss[loss.length - 1]! < 0.5 * loss[0]!) ok++;
      return ok / 3;
    },
  },
]);
