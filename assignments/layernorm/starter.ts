// LayerNorm, RMSNorm and GroupNorm on plain arrays. Replace each body; keep the signatures.
// Submissions must be self-contained: no imports.

export function layerNorm(x: number[], gamma?: number[], beta?: number[], eps = 1e-5): number[] {
  // TODO: subtract the mean, divide by sqrt(biased variance + eps), then scale by gamma and shift by beta.
  return x.slice();
}

export function rmsNorm(x: number[], gamma?: number[], eps = 1e-5): number[] {
  // TODO: divide by sqrt(mean of squares + eps), then scale by gamma.
  return x.slice();
}

export function groupNorm(x: number[], groups: number, eps = 1e-5): number[] {
  // TODO: check `groups`, then layer-normalize each of the `groups` contiguous chunks.
  return x.slice();
}
