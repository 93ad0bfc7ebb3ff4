// Where a grading's time goes, phase by phase, for `npm run bench:grader -- --profile`. Off unless
// a profiler turns it on (in its own process), so a real grading pays one branch per phase.
export type PhaseTotals = Map<string, { ms: number; count: number }>;

const totals: PhaseTotals = new Map();
let on = false;

export function enablePhaseClock(): void {
  on = true;
}

/** Starts timing a phase: call the result when it ends. */
export function phaseStart(): number {
  return on ? performance.now() : 0;
}

export function phaseEnd(phase: string, startedAt: number): void {
  if (!on) return;
  const t = totals.get(phase) ?? { ms: 0, count: 0 };
  t.ms += performance.now() - startedAt;
  t.count++;
  totals.set(phase, t);
}

/** The totals so far, and a fresh start. */
export function takePhaseTotals(): PhaseTotals {
  const copy: PhaseTotals = new Map([...totals].map(([k, v]) => [k, { ...v }]));
  totals.clear();
  return copy;
}
