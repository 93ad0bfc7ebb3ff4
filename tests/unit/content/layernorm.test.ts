// layernorm: grading (reference, starter, wrong-solution fixtures), and the statement's worked
// example checked against the reference solution.
import { describe, expect, it } from "vitest";
import { groupNorm, layerNorm, rmsNorm } from "@/assignments/layernorm/solution";
import { refLayerNorm } from "@/assignments/layernorm/tests/reference";
import { describeGrading } from "./grading";

describeGrading("layernorm", "norms");

const close = (a: number[], b: number[], digits: number) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, digits));
};

describe("layernorm: the worked example and the math", () => {
  it("LN([1, 2, 3]) ≈ [−1.22474, 0, 1.22474] with the default eps, ±√(3/2) with eps = 0", () => {
    close(layerNorm([1, 2, 3]), [-1.22474, 0, 1.22474], 5);
    close(layerNorm([1, 2, 3], undefined, undefined, 0), [-Math.sqrt(1.5), 0, Math.sqrt(1.5)], 12);
  });

  it("RMS([3, 4]) and groupNorm([1, 2, 3, 4, 10, 20], 2) as the statement prints them", () => {
    close(rmsNorm([3, 4]), [0.848528, 1.13137], 6);
    close(groupNorm([1, 2, 3, 4, 10, 20], 2), [-1.22474, 0, 1.22474, -1.11117, -0.20203, 1.3132], 5);
  });

  it("the reference solution agrees with the tests' compensated reference at an offset of 1e6", () => {
    const x = Array.from({ length: 40 }, (_, i) => 1e6 + Math.sin(i));
    close(layerNorm(x), refLayerNorm(x), 8);
  });

  it("the eps = 0 test vector has a variance below the default eps, so `eps || 1e-5` changes it", () => {
    const x = [0.001, 0.002, 0.004, 0.008];
    const a = layerNorm(x, undefined, undefined, 0);
    const b = layerNorm(x);
    expect(Math.abs(a[3]! - b[3]!)).toBeGreaterThan(0.1);
  });
});
