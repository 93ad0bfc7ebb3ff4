// With eps → 0 each group of s units maps onto a sphere of dimension s − 2 (zero mean removes one
// direction, unit variance another), so the image of GLN_G on width k = G·s has dimension k − 2G.
import type { Rng } from "../../../grader/rng";

export type Params = { width: number; groups: number };

export function generate(rng: Rng): Params {
  const groups = rng.int(2, 8);
  return { width: groups * rng.int(3, 9), groups };
}

export function answer(p: Params): number {
  return p.width - 2 * p.groups;
}
