// Trusted reference implementations for the tests (independent of solution.ts): two-pass
// statistics with compensated (Neumaier) sums, so the expected values are as exact as float64 allows.

function sum(xs: readonly number[]): number {
  let s = 0;
  let c = 0;
  for (const v of xs) {
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

export function refNormalize(x: readonly number[], eps: number): number[] {
  const mean = sum(x) / x.length;
  const variance = sum(x.map((v) => (v - mean) * (v - mean))) / x.length;
  const inv = 1 / Math.sqrt(variance + eps);
  return x.map((v) => (v - mean) * inv);
}

export function refLayerNorm(x: readonly number[], gamma?: readonly number[], beta?: readonly number[], eps = 1e-5): number[] {
  return refNormalize(x, eps).map((v, i) => v * (gamma ? gamma[i]! : 1) + (beta ? beta[i]! : 0));
}

export function refRmsNorm(x: readonly number[], gamma?: readonly number[], eps = 1e-5): number[] {
  const ms = sum(x.map((v) => v * v)) / x.length;
  const inv = 1 / Math.sqrt(ms + eps);
  return x.map((v, i) => v * inv * (gamma ? gamma[i]! : 1));
}

export function refGroupNorm(x: readonly number[], groups: number, eps = 1e-5): number[] {
  const size = x.length / groups;
  const out: number[] = [];
  for (let g = 0; g < groups; g++) out.push(...refNormalize(x.slice(g * size, (g + 1) * size), eps));
  return out;
}

/** The tolerance of the assignment statement. */
export const TOL = { rtol: 1e-6, atol: 1e-9 };
