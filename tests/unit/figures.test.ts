// The figures a graded run recorded become the charts on the student's page: each assignment's
// keys give its figures, malformed records draw nothing instead of breaking the page.
import { describe, expect, it } from "vitest";
import { figuresOf } from "@/lib/submissions/figures";

describe("recorded figures", () => {
  it("the spectra assignment's eigenvalues give one log-log figure, reference dashed, non-positive values dropped", () => {
    const f = figuresOf({ eigenvalues: [4, 1, 0, -1e-17], referenceEigenvalues: [4, 1, 0.5, 0.25] });
    expect(f.map((x) => x.id)).toEqual(["spectrum"]);
    expect(f[0]!.logY).toBe(true);
    expect(f[0]!.series.map((s) => [s.key, s.points.length, s.dashed ?? false])).toEqual([
      ["referenceEigenvalues", 4, true],
      ["eigenvalues", 2, false],
    ]);
  });

  it("group LN: fitted fraction per group count is plotted at x = G, and loss curves at their recorded step spacing", () => {
    const f = figuresOf({
      groupCounts: [1, 2, 4],
      fittedFraction: [0.6, 0.7, 0.9],
      referenceFittedFraction: [0.62, 0.75, 0.9],
      lossCurve1: [0.7, 0.6, 0.5],
      lossCurve4: [0.7, 0.4],
      lossCurveEvery: 10,
    });
    expect(f.map((x) => x.id)).toEqual(["fittedFraction", "lossCurves"]);
    expect(f[0]!.series[1]!.points).toEqual([
      { x: 1, y: 0.6 },
      { x: 2, y: 0.7 },
      { x: 4, y: 0.9 },
    ]);
    expect(f[1]!.series.map((s) => s.key)).toEqual(["lossCurve1", "lossCurve4"]);
    expect(f[1]!.series[0]!.points.map((p) => p.x)).toEqual([0, 10, 20]);
  });

  it("whitening: stable rank during both runs and the spectra at start and end", () => {
    const f = figuresOf({ hardStableRanks: [1.5, 1.51], softStableRanks: [1.5, 2], initialSpectrum: [2, 1], hardSpectrum: [2, 1], softSpectrum: [1.2, 1] });
    expect(f.map((x) => x.id)).toEqual(["stableRank", "finalSpectra"]);
    expect(f[1]!.series.map((s) => s.key)).toEqual(["initialSpectrum", "hardSpectrum", "softSpectrum"]);
  });

  it("scale-invariance: the stall of a training run (weight norm, effective step, loss) on a log axis from step 0", () => {
    const f = figuresOf({ trainingWeightNorm: [0.04, 0.5, 1.1], trainingEffectiveStep: [125, 0.8, 0.17], trainingLoss: [1, 0.4, 0] });
    expect(f.map((x) => x.id)).toEqual(["layerStall"]);
    expect(f[0]!.logY).toBe(true);
    expect(f[0]!.series.map((s) => s.key)).toEqual(["trainingWeightNorm", "trainingEffectiveStep", "trainingLoss"]);
    // A loss of exactly 0 cannot sit on a log axis: dropped, the rest kept.
    expect(f[0]!.series[2]!.points).toEqual([
      { x: 0, y: 1 },
      { x: 1, y: 0.4 },
    ]);
  });

  it("records that are missing, empty, not numbers or of mismatched lengths draw nothing", () => {
    expect(figuresOf(undefined)).toEqual([]);
    expect(figuresOf({ eigenvalues: [], referenceEigenvalues: [1] })).toEqual([]);
    expect(figuresOf({ groupCounts: [1, 2, 4], fittedFraction: [0.5, 0.6] })).toEqual([]);
    expect(figuresOf({ hardStableRanks: "1,2,3", softStableRanks: [NaN] })).toEqual([]);
    expect(figuresOf({ depth: 3 })).toEqual([]);
  });
});
