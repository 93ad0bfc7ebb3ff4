// The figures a graded run recorded (TestSpec.run's `record`), turned into plot-ready series for
// the student's page. Pure: no database, no server-only imports, so components can share the type.
// Each assignment's visible tests record under agreed keys; unknown or malformed keys draw nothing.

export type FigureId = "spectrum" | "fittedFraction" | "lossCurves" | "stableRank" | "finalSpectra" | "layerStall";
/** A series' key names its legend (messages: chart.series.<key>); `dashed` marks a reference. */
export type FigureSeries = { key: string; points: { x: number; y: number }[]; dashed?: boolean };
export type FigureView = { id: FigureId; logX: boolean; logY: boolean; series: FigureSeries[] };

type Records = Record<string, unknown> | undefined;

const nums = (v: unknown): number[] | null =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number" && Number.isFinite(x)) ? (v as number[]) : null;
/** y_k against k = 1, 2, ...; non-positive values dropped on a log axis. */
const indexed = (values: number[], positive: boolean, step = 1, start = 1) =>
  values.map((y, i) => ({ x: start + i * step, y })).filter((p) => !positive || p.y > 0);

function series(key: string, values: number[] | null, opts: { positive?: boolean; step?: number; start?: number; dashed?: boolean } = {}): FigureSeries[] {
  if (!values) return [];
  const points = indexed(values, opts.positive ?? false, opts.step, opts.start);
  return points.length ? [{ key, points, ...(opts.dashed ? { dashed: true } : {}) }] : [];
}

function figure(id: FigureId, logX: boolean, logY: boolean, all: FigureSeries[]): FigureView[] {
  return all.length ? [{ id, logX, logY, series: all }] : [];
}

export function figuresOf(records: Records): FigureView[] {
  const r = records ?? {};
  const out: FigureView[] = [];
  // spectra: the student's eigenvalues of the visible data set against the reference.
  const yours = nums(r.eigenvalues);
  const reference = nums(r.referenceEigenvalues);
  if (yours && reference)
    out.push(
      ...figure("spectrum", true, true, [
        ...series("referenceEigenvalues", reference, { positive: true, dashed: true }),
        ...series("eigenvalues", yours, { positive: true }),
      ]),
    );
  // group-ln-random-labels: fitted fraction per number of groups, and the training curves.
  const groups = nums(r.groupCounts);
  const fitted = nums(r.fittedFraction);
  if (groups && fitted && groups.length === fitted.length) {
    const ref = nums(r.referenceFittedFraction);
    const at = (ys: number[]) => groups.map((g, i) => ({ x: g, y: ys[i]! }));
    out.push(
      ...figure("fittedFraction", true, false, [
        ...(ref && ref.length === groups.length ? [{ key: "referenceFittedFraction", points: at(ref), dashed: true }] : []),
        { key: "fittedFraction", points: at(fitted) },
      ]),
    );
  }
  const every = typeof r.lossCurveEvery === "number" && r.lossCurveEvery > 0 ? r.lossCurveEvery : 1;
  out.push(
    ...figure(
      "lossCurves",
      false,
      false,
      ["lossCurve1", "lossCurve2", "lossCurve4"].flatMap((k) => series(k, nums(r[k]), { step: every, start: 0 })),
    ),
  );
  // whitening-losses: stable rank during both runs, and the spectra at the start and the end.
  out.push(
    ...figure("stableRank", false, false, [
      ...series("hardStableRanks", nums(r.hardStableRanks), { start: 0 }),
      ...series("softStableRanks", nums(r.softStableRanks), { start: 0 }),
    ]),
  );
  out.push(
    ...figure("finalSpectra", true, true, [
      ...series("initialSpectrum", nums(r.initialSpectrum), { positive: true, dashed: true }),
      ...series("hardSpectrum", nums(r.hardSpectrum), { positive: true }),
      ...series("softSpectrum", nums(r.softSpectrum), { positive: true }),
    ]),
  );
  // scale-invariance: the layer's weight norm grows while its effective step η/‖W‖² shrinks (the
  // stall), and the loss still falls; one log axis holds all three (they span decades).
  out.push(
    ...figure(
      "layerStall",
      false,
      true,
      ["trainingWeightNorm", "trainingEffectiveStep", "trainingLoss"].flatMap((k) => series(k, nums(r[k]), { positive: true, start: 0 })),
    ),
  );
  return out;
}
