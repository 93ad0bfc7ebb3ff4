// Reference solution. Two-pass mean/variance: stable for large offsets (1e6) and tiny variances.

function normalize(x: number[], eps: number): number[] {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  let variance = 0;
  for (const v of x) variance += (v - mean) * (v - mean);
  variance /= n;
  const inv = 1 / Math.sqrt(variance + eps);
  return x.map((v) => (v - mean) * inv);
}

export function layerNorm(x: number[], gamma?: number[], beta?: number[], eps = 1e-5): number[] {
  const y = normalize(x, eps);
  return y.map((v, i) => v * (gamma ? gamma[i]! : 1) + (beta ? beta[i]! : 0));
}

export function rmsNorm(x: number[], gamma?: number[], eps = 1e-5): number[] {
  let ms = 0;
  for (const v of x) ms += v * v;
  ms /= x.length;
  const inv = 1 / Math.sqrt(ms + eps);
  return x.map((v, i) => v * inv * (gamma ? gamma[i]! : 1));
}

export function groupNorm(x: number[], groups: number, eps = 1e-5): number[] {
  if (!Number.isInteger(groups) || groups <= 0 || x.length % groups !== 0) {
    throw new RangeError(`groups must be a positive integer dividing x.length (${x.length}); got ${groups}`);
  }
  const size = x.length / groups;
  const out: number[] = [];
  for (let g = 0; g < groups; g++) out.push(...normalize(x.slice(g * size, (g + 1) * size), eps));
  return out;
}
