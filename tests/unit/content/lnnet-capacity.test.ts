// lnnet-capacity: grading, and the reference construction on every hidden instance and more.
import { describe, expect, it } from "vitest";
import { buildNet } from "@/assignments/lnnet-capacity/solution";
import { hardInstance, hiddenGroups, inGeneralPosition, linearlySeparable, smallInstances } from "@/assignments/lnnet-capacity/tests/instances";
import { minMargin, netDepth, netProblem } from "@/assignments/lnnet-capacity/tests/verifier";
import { createRng } from "@/grader/rng";
import { describeGrading } from "./grading";

describeGrading("lnnet-capacity");

describe("lnnet-capacity: instances and the reference construction", () => {
  it("hidden instances are deterministic, up to 8 points, in general position, and no line separates the random ones", () => {
    const a = hiddenGroups();
    expect(JSON.stringify(hiddenGroups())).toBe(JSON.stringify(a));
    for (const g of a) {
      for (const inst of g.instances) {
        expect(inst.points.length).toBeLessThanOrEqual(8);
        const scale = Math.max(...inst.points.flat().map(Math.abs));
        expect(inGeneralPosition(inst.points, 0.01 * scale, 1e-4 * scale * scale)).toBe(true);
        if (inst.name.startsWith("random")) expect(linearlySeparable(inst.points, inst.labels)).toBe(false);
      }
    }
  });

  it("the reference solves every hidden instance with margin ≥ 1e-6 within the width limits", () => {
    let depth = 0;
    for (const g of hiddenGroups()) {
      for (const inst of g.instances) {
        const net = buildNet(inst.points, inst.labels);
        expect(netProblem(net)).toBeNull();
        expect(minMargin(net, inst.points, inst.labels)).toBeGreaterThanOrEqual(1e-6);
        depth += netDepth(net);
      }
    }
    expect(depth).toBeGreaterThan(0);
  });

  it("the reference solves 300 more random hard instances (m − 3 layers at most)", () => {
    const rng = createRng("content/capacity-extra");
    for (let t = 0; t < 300; t++) {
      const m = 4 + (t % 5);
      const inst = hardInstance(rng, m, `extra-${t}`);
      const net = buildNet(inst.points, inst.labels);
      expect(netProblem(net)).toBeNull();
      expect(minMargin(net, inst.points, inst.labels)).toBeGreaterThanOrEqual(1e-6);
      expect(netDepth(net)).toBeLessThanOrEqual(m - 3);
    }
  });

  it("the small instances (1 to 3 points, one label) are in general position and the reference solves them with no hidden layer", () => {
    for (const inst of smallInstances()) {
      expect(inst.points.length).toBe(inst.labels.length);
      const scale = Math.max(...inst.points.flat().map(Math.abs));
      expect(inGeneralPosition(inst.points, 0.01 * scale, 1e-4 * scale * scale)).toBe(true);
      const net = buildNet(inst.points, inst.labels);
      expect(netProblem(net)).toBeNull();
      expect(minMargin(net, inst.points, inst.labels)).toBeGreaterThanOrEqual(1e-6);
      expect(netDepth(net)).toBe(0);
    }
  });

  it("linearlySeparable agrees with known cases", () => {
    expect(
      linearlySeparable(
        [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
        ],
        [-1, 1, 1, -1],
      ),
    ).toBe(false);
    expect(
      linearlySeparable(
        [
          [0, 0],
          [0, 1],
          [1, 0],
          [1, 1],
        ],
        [-1, -1, 1, 1],
      ),
    ).toBe(true);
    expect(
      linearlySeparable(
        [
          [0, 0],
          [2, 0],
          [1, 2],
          [1, 0.5],
        ],
        [1, 1, 1, -1],
      ),
    ).toBe(false);
  });
});
