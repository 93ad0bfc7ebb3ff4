// Reference solution: a LayerNorm'd linear layer, its weight gradient, two diagnostics of scale
// invariance (effective step size, stalled layers), and a short training run that shows the stall.

/** LayerNorm(W·x) with eps = 0 and no affine parameters. */
export function lnLinear(W: number[][], x: number[]): number[] {
  const z = W.map((row) => row.reduce((s, wij, j) => s + wij * x[j]!, 0));
  const d = z.length;
  const mean = z.reduce((s, v) => s + v, 0) / d;
  const sigma = Math.sqrt(z.reduce((s, v) => s + (v - mean) * (v - mean), 0) / d);
  return z.map((v) => (v - mean) / sigma);
}

/**
 * ∂(g·lnLinear(W, x))/∂W = δ xᵀ with δ = (g − mean(g)·1 − y·mean(g ⊙ y)) / σ: the upstream
 * gradient with its components along 1 and along y projected out. Both projections are what
 * makes the gradient orthogonal to W.
 */
export function lnLinearGrad(W: number[][], x: number[], g: number[]): number[][] {
  const z = W.map((row) => row.reduce((s, wij, j) => s + wij * x[j]!, 0));
  const d = z.length;
  const mean = z.reduce((s, v) => s + v, 0) / d;
  const sigma = Math.sqrt(z.reduce((s, v) => s + (v - mean) * (v - mean), 0) / d);
  const y = z.map((v) => (v - mean) / sigma);
  const gMean = g.reduce((s, v) => s + v, 0) / d;
  const gyMean = g.reduce((s, v, i) => s + v * y[i]!, 0) / d;
  const delta = g.map((gi, i) => (gi - gMean - y[i]! * gyMean) / sigma);
  return delta.map((di) => x.map((xj) => di * xj));
}

/** How far a step of SGD really turns a scale-invariant layer: lr / ‖W‖². */
export function effectiveStepSize(lr: number, weightNorm: number): number {
  return lr / (weightNorm * weightNorm);
}

/** Names (input order) of the layers whose relative update lr·‖g‖/‖W‖ is below the threshold. */
export function stalledLayers(stats: { name: string; weightNorm: number; gradNorm: number }[], lr: number, threshold = 1e-4): string[] {
  return stats.filter((s) => (lr * s.gradNorm) / s.weightNorm < threshold).map((s) => s.name);
}

export type TrainingFigures = { weightNorm: number[]; gradNorm: number[]; loss: number[] };

const frobenius = (M: number[][]) => Math.sqrt(M.reduce((s, row) => s + row.reduce((t, v) => t + v * v, 0), 0));

/**
 * Full-batch gradient descent on f(x) = v·LN(W·x) with loss (1/n)·Σ ½(f(x_s) − t_s)², both W and
 * v updated from the gradients at the current point. Step k records ‖W_k‖_F, ‖∇_W L(W_k, v_k)‖_F
 * and L(W_k, v_k) before its update. W is scale invariant, so its norm only grows and its
 * relative update η‖∇_W‖/‖W‖ shrinks like 1/‖W‖²; v is not, so the head keeps learning.
 */
export function trainLnRegression(W0: number[][], v0: number[], X: number[][], targets: number[], lr: number, steps: number): TrainingFigures {
  let W = W0.map((row) => row.slice());
  let v = v0.slice();
  const n = X.length;
  const out: TrainingFigures = { weightNorm: [], gradNorm: [], loss: [] };
  for (let k = 0; k < steps; k++) {
    const gW = W.map((row) => row.map(() => 0));
    const gv = v.map(() => 0);
    let loss = 0;
    X.forEach((x, s) => {
      const y = lnLinear(W, x);
      const r = y.reduce((acc, yi, i) => acc + v[i]! * yi, 0) - targets[s]!;
      loss += (r * r) / (2 * n);
      const G = lnLinearGrad(
        W,
        x,
        v.map((vi) => (r * vi) / n),
      );
      G.forEach((row, i) => row.forEach((val, j) => (gW[i]![j]! += val)));
      y.forEach((yi, i) => (gv[i]! += (r * yi) / n));
    });
    out.weightNorm.push(frobenius(W));
    out.gradNorm.push(frobenius(gW));
    out.loss.push(loss);
    W = W.map((row, i) => row.map((w, j) => w - lr * gW[i]![j]!));
    v = v.map((vi, i) => vi - lr * gv[i]!);
  }
  return out;
}
