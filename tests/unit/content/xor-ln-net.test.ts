// xor-ln-net: grading, and the math behind the constructions checked independently.
import { describe, expect, it } from "vitest";
import { forwardLNNet as referenceForward, xorNetLN, xorNetRMS } from "@/assignments/xor-ln-net/solution";
import { forwardLNNet, netProblem, type LNNet } from "@/assignments/xor-ln-net/tests/verifier";
import { XOR_LABELS, XOR_POINTS } from "@/assignments/xor-ln-net/tests/xor-checks";
import { createRng } from "@/grader/rng";
import { describeGrading } from "./grading";

describeGrading("xor-ln-net", "construction");

describe("xor-ln-net: the math", () => {
  it("both reference nets respect the width limits and classify XOR with margin ≥ 1e-3", () => {
    expect(netProblem(xorNetRMS, { norm: "rms", maxWidth: 2 })).toBeNull();
    expect(netProblem(xorNetLN, { norm: "layer", maxWidth: 3 })).toBeNull();
    for (const net of [xorNetRMS, xorNetLN]) {
      XOR_POINTS.forEach((x, i) => expect(XOR_LABELS[i]! * forwardLNNet(net, x)).toBeGreaterThanOrEqual(1e-3));
    }
  });

  it("the trusted forward pass computes RMSNorm and LayerNorm by hand on small cases", () => {
    // z = (3, 4): RMS = 5/√2, so h = (3, 4)·√2/5; LN of (3, 4): mean 3.5, std 0.5.
    const rms: LNNet = {
      norm: "rms",
      hidden: [
        {
          W: [
            [1, 0],
            [0, 1],
          ],
          b: [0, 0],
        },
      ],
      head: { w: [1, 0], b: 0 },
    };
    expect(forwardLNNet(rms, [3, 4])).toBeCloseTo(3 / Math.sqrt(12.5 + 1e-5), 12);
    const ln: LNNet = {
      norm: "layer",
      hidden: [
        {
          W: [
            [1, 0],
            [0, 1],
          ],
          b: [0, 0],
        },
      ],
      head: { w: [1, 0], b: 0 },
    };
    expect(forwardLNNet(ln, [3, 4])).toBeCloseTo(-0.5 / Math.sqrt(0.25 + 1e-5), 12);
  });

  it("a width-2 LayerNorm outputs ±(1, −1) up to eps: only the sign of z1 − z2 survives", () => {
    const rng = createRng("content/width2");
    for (let i = 0; i < 50; i++) {
      const z = [10 * rng.normal(), 10 * rng.normal()];
      const probe = (j: number): LNNet => ({
        norm: "layer",
        hidden: [
          {
            W: [
              [1, 0],
              [0, 1],
            ],
            b: [0, 0],
          },
        ],
        head: { w: j === 0 ? [1, 0] : [0, 1], b: 0 },
      });
      const h0 = forwardLNNet(probe(0), z);
      const h1 = forwardLNNet(probe(1), z);
      expect(h0 + h1).toBeCloseTo(0, 12);
      if (Math.abs(z[0]! - z[1]!) > 0.1) expect(Math.abs(Math.abs(h0) - 1)).toBeLessThan(1e-2);
      expect(Math.sign(h0)).toBe(Math.sign(z[0]! - z[1]!));
    }
  });

  it("the reference forwardLNNet agrees with the trusted one on random nets", () => {
    const rng = createRng("content/forward");
    for (let t = 0; t < 30; t++) {
      const norm = t % 2 ? "layer" : "rms";
      let width = 3;
      const hidden = Array.from({ length: rng.int(1, 4) }, () => {
        const out = rng.int(1, 4);
        const layer = {
          W: Array.from({ length: out }, () => Array.from({ length: width }, () => rng.normal())),
          b: Array.from({ length: out }, () => rng.normal()),
        };
        width = out;
        return layer;
      });
      const net: LNNet = { norm, hidden, head: { w: Array.from({ length: width }, () => rng.normal()), b: rng.normal() } };
      const x = [rng.normal(), rng.normal(), rng.normal()];
      expect(referenceForward(net, x)).toBeCloseTo(forwardLNNet(net, x), 12);
    }
  });
});
