// The API staff tests are written against (assignments/<slug>/tests/*.test.ts). Tests run in the
// grader's host process with these helpers; the student's code is reached only through `Student`.
// This file is bundled into each test file, so nothing here may rely on object identity across files.
import type { Rng } from "./rng";

export type Visibility = "visible" | "hidden" | "after_due" | "after_published";
/** What a test may declare: Gradescope's spelling `after_due_date` is accepted for `after_due`. */
export type DeclaredVisibility = Visibility | "after_due_date";

/** The student's module as tests see it: every value crossing is a fresh copy of plain JSON data. */
export interface Student {
  /**
   * Calls the exported function `name` with JSON-copied arguments. Rejects (with a StudentError)
   * when the export is missing or not a function, throws, times out, runs out of memory, returns
   * a Promise, or returns something that is not plain JSON data (NaN and ±Infinity are kept).
   */
  call<T = unknown>(name: string, ...args: unknown[]): Promise<T>;
  /** Reads the exported value `name` (a constant), copied the same way. */
  get<T = unknown>(name: string): Promise<T>;
  /**
   * Calls `name` once per argument list in ONE crossing into the sandbox: for property tests over
   * many random cases it costs about one `call`. Each outcome is settled as in Promise.allSettled:
   * the value, or the StudentError that `call` would have rejected with. The batch shares one time
   * limit (the per-call limit × the number of lists, within the grading's deadline) and one result
   * size cap; a timeout or running out of memory rejects the whole batch. At most 1,000 lists.
   */
  callEach<T = unknown>(name: string, argLists: unknown[][]): Promise<PromiseSettledResult<T>[]>;
}

/**
 * What a test gets besides the student: random inputs drawn per grading. Each grading has its
 * own seed (kept with it, so a regrade draws the same inputs), so what one submission learns
 * about hidden inputs says nothing about the next one's.
 */
export interface TestContext {
  /** this grading's seed (hex string) */
  readonly seed: string;
  /** a fresh generator for this test, derived from the grading seed, the test name and label */
  rng(label?: string): Rng;
}

export interface TestSpec {
  name: string;
  points: number;
  /** Default: "visible" in a file whose path contains "visible", "hidden" when it contains "hidden". */
  visibility?: DeclaredVisibility;
  /**
   * Throwing fails the test; returning a number in [0, 1] awards that fraction of the points.
   * Returning `{ fraction?, record }` also records figures for the platform (a leaderboard metric,
   * data for a plot); numbers recorded under the same key by several tests are added up.
   */
  run: (student: Student, ctx: TestContext) => TestOutcome | Promise<TestOutcome>;
}

export type TestRecord = Record<string, number | number[] | string>;
export type TestOutcome = void | number | { fraction?: number; record?: TestRecord };

export interface TestSuite {
  readonly kind: "coursegrade-tests";
  readonly tests: readonly TestSpec[];
}

const VISIBILITIES: readonly string[] = ["visible", "hidden", "after_due", "after_due_date", "after_published"];

export function defineTests(tests: TestSpec[]): TestSuite {
  const names = new Set<string>();
  for (const t of tests) {
    if (typeof t.name !== "string" || t.name.length === 0) throw new Error("every test needs a name");
    if (names.has(t.name)) throw new Error(`two tests are named "${t.name}"; names must be unique`);
    names.add(t.name);
    if (typeof t.points !== "number" || !Number.isFinite(t.points) || t.points < 0) {
      throw new Error(`test "${t.name}": points must be a non-negative number`);
    }
    if (t.visibility !== undefined && !VISIBILITIES.includes(t.visibility)) {
      throw new Error(`test "${t.name}": unknown visibility "${String(t.visibility)}"`);
    }
    if (typeof t.run !== "function") throw new Error(`test "${t.name}": run must be a function`);
  }
  return { kind: "coursegrade-tests", tests: [...tests] };
}

/** Thrown by the assertion helpers; the harness reports it as a failed test. */
export class AssertionError extends Error {
  override name = "AssertionError";
}

/**
 * What `student.call`/`student.get` reject with. `kind` says why; `errorName` is the type name of
 * what the student's code threw (e.g. "RangeError") when kind is "threw".
 */
export type StudentErrorKind = "missing" | "threw" | "timeout" | "memory" | "not_plain" | "promise" | "not_loaded";

export class StudentError extends Error {
  override name = "StudentError";
  constructor(
    readonly kind: StudentErrorKind,
    message: string,
    readonly errorName?: string,
    /** The student's own error message, without the "f threw RangeError:" prefix. */
    readonly thrownMessage?: string,
  ) {
    super(message);
  }
}

export function isStudentError(e: unknown): e is StudentError {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "StudentError";
}

export function fail(message: string): never {
  throw new AssertionError(message);
}

export interface Tolerance {
  rtol?: number;
  atol?: number;
}

const DEFAULT_RTOL = 1e-6;
const DEFAULT_ATOL = 1e-9;

function show(v: unknown): string {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  try {
    const s = JSON.stringify(v, (_k, x: unknown) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x));
    if (s === undefined) return String(v);
    return s.length > 200 ? `${s.slice(0, 200)}…` : s;
  } catch {
    return String(v);
  }
}

/** |a − e| ≤ atol + rtol·|e|; NaN only matches NaN, ±Infinity only itself; non-numbers never match. */
export function isClose(actual: unknown, expected: number, tol: Tolerance = {}): boolean {
  const rtol = tol.rtol ?? DEFAULT_RTOL;
  const atol = tol.atol ?? DEFAULT_ATOL;
  if (typeof actual !== "number") return false;
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  if (!Number.isFinite(actual)) return false;
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}

/** Asserts a single number is close to `expected`. */
export function closeTo(actual: unknown, expected: number, tol: Tolerance = {}, label = "value"): void {
  if (typeof actual !== "number") fail(`${label}: expected a number close to ${show(expected)}, got ${show(actual)}`);
  if (!isClose(actual, expected, tol)) {
    fail(`${label}: expected ${show(expected)}, got ${show(actual)} (rtol ${tol.rtol ?? DEFAULT_RTOL}, atol ${tol.atol ?? DEFAULT_ATOL})`);
  }
}

/** True when `actual` is an array of the same length whose every element isClose to `expected`'s. */
export function allCloseOk(actual: unknown, expected: readonly number[], tol: Tolerance = {}): boolean {
  if (!Array.isArray(actual) || actual.length !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (!isClose(actual[i], expected[i]!, tol)) return false;
  return true;
}

/** Asserts element-wise closeness (or of one number, when `expected` is a number). */
export function allClose(actual: unknown, expected: readonly number[] | number, tol: Tolerance = {}, label = "result"): void {
  if (typeof expected === "number") return closeTo(actual, expected, tol, label);
  if (!Array.isArray(actual)) fail(`${label}: expected an array of ${expected.length} numbers, got ${show(actual)}`);
  if (actual.length !== expected.length) {
    fail(`${label}: expected ${expected.length} elements, got ${actual.length}`);
  }
  for (let i = 0; i < expected.length; i++) {
    const a: unknown = actual[i];
    if (!isClose(a, expected[i]!, tol)) {
      fail(`${label}[${i}]: expected ${show(expected[i])}, got ${show(a)} (rtol ${tol.rtol ?? DEFAULT_RTOL}, atol ${tol.atol ?? DEFAULT_ATOL})`);
    }
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a === "number" && typeof b === "number") return a === b; // 0 and -0 are equal here
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!deepEqual((a as Record<string, unknown>)[ka[i]!], (b as Record<string, unknown>)[kb[i]!])) return false;
  }
  return true;
}

/** Deep, exact equality of plain data (NaN equals NaN). */
export function assertEqual(actual: unknown, expected: unknown, label = "result"): void {
  if (!deepEqual(actual, expected)) fail(`${label}: expected ${show(expected)}, got ${show(actual)}`);
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/**
 * Asserts that `fn` (usually `() => student.call(...)`) throws or rejects with an error whose type
 * name is `errorName` (e.g. "RangeError") and, optionally, whose message matches `message`.
 * A timeout or memory failure of the student's code is passed on, never counted as "threw".
 */
export async function assertThrows(fn: () => unknown, errorName?: string, message?: RegExp): Promise<void> {
  let value: unknown;
  try {
    value = await fn();
  } catch (e) {
    let name: string;
    let text: string;
    if (isStudentError(e)) {
      if (e.kind !== "threw") throw e;
      name = e.errorName ?? "Error";
      text = e.thrownMessage ?? e.message;
    } else {
      const err = e as { name?: unknown; message?: unknown } | null;
      name = typeof err?.name === "string" ? err.name : "Error";
      text = typeof err?.message === "string" ? err.message : String(e);
    }
    if (errorName !== undefined && name !== errorName) fail(`expected a ${errorName} to be thrown, got ${name}: ${text}`);
    if (message !== undefined && !message.test(text)) fail(`expected an error message matching ${String(message)}, got "${text}"`);
    return;
  }
  fail(`expected ${errorName ? `a ${errorName}` : "an error"} to be thrown, but it returned ${show(value)}`);
}
