// One submission's sandbox inside a grader process: a fresh isolate with a memory limit, the
// harness, the student's compiled module, and the Student handle tests use. Every call is timed
// and returns one JSON string built inside the isolate. Runs only in a grader child process
// (isolated-vm needs node --no-node-snapshot); the parent's SIGKILL covers what timeouts cannot.
import { randomBytes } from "node:crypto";
import ivm from "isolated-vm";
import { compileSubmission } from "./compile";
import { EXPOSE_WASM_ENV } from "./child-limits";
import { harnessSource } from "./isolate-harness";
import { phaseEnd, phaseStart } from "./phase-clock";
import { COMPILED_AT, sourceLocator, whereInSource, type Locate } from "./source-lines";
import type { StudentSession } from "./run-tests";
import { StudentError, type StudentErrorKind, type Visibility } from "./testing";

export const OUTPUT_CAP = 64 * 1024;
const RESULT_CAP = 4 * 1024 * 1024;
const ERROR_MESSAGE_CAP = 2000;

export interface SandboxOptions {
  memoryMb: number;
  /** performance.now() after which nothing more of the student's code may run. */
  deadline: number;
  /** Longest single call into the student's code (ms); keeps one infinite loop from eating every test. */
  callTimeoutMs: number;
  /**
   * "sync" (default): applySync (evaluateSync for the top-level code) with the call's timeout; the
   * child's event loop waits while the student's code runs, which costs nothing (the child grades
   * one submission at a time, and the parent holds the deadline and SIGKILLs either way).
   * Measured: about 40% less CPU per grading than "async" (no hand-off to isolated-vm's thread per
   * call). "async": apply on isolated-vm's thread, same timeout and serialization; kept for
   * comparison (bench:grader, the attack corpus).
   */
  callMode?: "async" | "sync";
  /** Deepest nesting accepted before compiling; default MAX_NESTING. */
  maxNesting?: number;
}

export type OpenResult =
  | { ok: true; sandbox: Sandbox }
  | { ok: false; status: "compile_error" | "rejected"; message: string }
  /** The compiler failed or ran out of time: this process's compiler service must not be trusted again. */
  | { ok: false; status: "error"; message: string; compilerFailed: true };

/**
 * True when a structured clone of `v` is what a JSON copy would give, NaN and ±Infinity kept as
 * numbers: plain arrays and objects of strings, numbers, booleans and null, with no undefined, array
 * hole, -0, function, toJSON or class instance anywhere inside, and no object twice (a clone keeps
 * one object where JSON makes two: a function that mutates one argument would see another change).
 */
function cloneIsJson(v: unknown, depth: number, seen: Set<object>): boolean {
  switch (typeof v) {
    case "number":
      return v !== 0 || 1 / v > 0;
    case "string":
    case "boolean":
      return true;
    case "object":
      break;
    default:
      return false;
  }
  if (v === null) return true;
  if (depth > 64 || seen.has(v)) return false;
  seen.add(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!cloneIsJson(v[i], depth + 1, seen)) return false;
    return true;
  }
  const p = Object.getPrototypeOf(v) as unknown;
  if ((p !== Object.prototype && p !== null) || "toJSON" in v) return false;
  for (const k of Object.keys(v)) if (!cloneIsJson((v as Record<string, unknown>)[k], depth + 1, seen)) return false;
  return true;
}

/** The JSON copy of one argument; undefined deeper inside becomes a missing entry (an array hole, an absent key), NaN and ±Infinity stay numbers. */
function jsonCopy(v: unknown): unknown {
  const text = JSON.stringify([v], (_k, x: unknown) =>
    x === undefined ? { $cg: "undefined" } : typeof x === "number" && !Number.isFinite(x) ? { $cg: String(x) } : x,
  );
  return (JSON.parse(text, revive) as unknown[])[0];
}

/**
 * Argument lists as they cross (isolated-vm copies them in as a structured clone): each argument a
 * JSON copy of its own, except that a skipped (undefined) argument stays undefined, so its default
 * applies. Plain data, nearly always what tests pass, crosses as it is: binary, nothing printed
 * and parsed again.
 */
function crossingArgs(lists: unknown[][]): unknown[][] {
  const seen = new Set<object>();
  const same = lists.every((list) => list.every((x) => x === undefined || cloneIsJson(x, 0, seen)));
  return same ? lists : lists.map((list) => list.map((x) => (x === undefined ? undefined : jsonCopy(x))));
}

function revive(_k: string, v: unknown): unknown {
  if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.hasOwn(v, "$cg")) {
    const t = (v as { $cg: unknown }).$cg;
    if (t === "undefined") return undefined;
    if (t === "NaN") return NaN;
    if (t === "Infinity") return Infinity;
    if (t === "-Infinity") return -Infinity;
  }
  return v;
}

interface Envelope {
  ok: boolean;
  each?: Envelope[];
  v?: unknown;
  undef?: boolean;
  kind?: StudentErrorKind;
  name?: string;
  message?: string;
  /** Where a "threw" error was thrown, in the compiled module. */
  line?: number;
  col?: number;
  /** The version of the student's output when the call ended (the harness's outVer). */
  ov?: number;
}

/** Most calls one callEach may batch. */
export const MAX_BATCH = 1000;

function settleError(env: Envelope, what: string, locate: Locate): StudentError {
  const kind = env.kind ?? "threw";
  if (kind === "threw") {
    const type = env.name ?? "Error";
    const where = env.line ? whereInSource(locate, env.line, env.col ?? 1) : "";
    return new StudentError("threw", `${what} threw ${type}: ${env.message ?? ""}${where}`, type, env.message ?? "");
  }
  return new StudentError(kind, `${what}: ${env.message ?? kind}`);
}

/** An envelope as the value the test sees, or the StudentError it rejects with. */
function settle(env: Envelope, what: string, locate: Locate): PromiseSettledResult<unknown> {
  return env.ok ? { status: "fulfilled", value: env.undef ? undefined : env.v } : { status: "rejected", reason: settleError(env, what, locate) };
}

type HarnessFns = Record<"call" | "callEach" | "get" | "mute" | "output" | "setNamespace" | "isDone", ivm.Reference<(...a: unknown[]) => unknown>>;

interface FreshIsolate {
  isolate: ivm.Isolate;
  context: ivm.Context;
  fns: HarnessFns;
  marker: string;
  memoryMb: number;
}

// The harness source is the same for every isolate of this process, so each new isolate loads
// its compiled code from a V8 code cache instead of parsing and compiling it again.

/** What isolated-vm sets on a script compiled with cached-data options (its typings leave it out). */
type CachedScript = ivm.Script & { cachedData?: ivm.ExternalCopy<ArrayBuffer>; cachedDataRejected?: boolean };

function harnessSourceOfThisProcess(): string {
  return harnessSource({
    keepWasm: process.env[EXPOSE_WASM_ENV] === "1",
    outputCapBytes: OUTPUT_CAP,
    resultCapChars: RESULT_CAP,
    errorMessageCapChars: ERROR_MESSAGE_CAP,
  });
}

const HARNESS_FILE = { filename: "file:///harness.js" };

/**
 * The harness's code cache, made in a throwaway isolate that runs no student code: the harness is
 * installed and each of its calls made once on trusted data, so the cache also holds the compiled
 * inner functions a grading needs (V8 compiles them lazily, on first call, in every isolate).
 */
function warmHarnessCache(source: string): ivm.ExternalCopy<ArrayBuffer> | undefined {
  const isolate = new ivm.Isolate({ memoryLimit: 16 });
  try {
    const context = isolate.createContextSync();
    const install = isolate.compileScriptSync(source, HARNESS_FILE).runSync(context, { reference: true, timeout: 2000 }) as ivm.Reference<
      (marker: string) => unknown
    >;
    const h = install.applySync(undefined, ["__cg_warm"], { result: { reference: true }, timeout: 2000 }) as unknown as ivm.Reference<Record<string, unknown>>;
    const fn = (k: string) => h.getSync(k, { reference: true }) as ivm.Reference<(...a: unknown[]) => unknown>;
    const ns = context.evalSync(
      `globalThis.__cg_warm(); ({ f: function (x, y) { console.log("w", [x]); if (y) throw new RangeError("r"); return [x, 1.5, -0, "s", { a: null, b: undefined }, [undefined]]; }, k: 2 })`,
      {
        reference: true,
        timeout: 1000,
      },
    ) as ivm.Reference<unknown>;
    const o = { timeout: 1000, arguments: { copy: true }, result: { copy: true } } as const;
    fn("setNamespace").applySync(undefined, [ns.derefInto()], { timeout: 1000 });
    fn("isDone").applySync(undefined, [], o);
    fn("call").applySync(undefined, ["f", [1]], o);
    fn("call").applySync(undefined, ["f", [{ a: [NaN, "s"] }, 1]], o);
    fn("call").applySync(undefined, ["f", [undefined, 1]], o);
    fn("callEach").applySync(undefined, ["f", [[1], [2, true]]], o);
    fn("get").applySync(undefined, ["k"], o);
    fn("mute").applySync(undefined, [true], o);
    fn("mute").applySync(undefined, [false], o);
    fn("output").applySync(undefined, [], o);
    // The same source again: V8 hands back the script compiled above, inner functions included.
    const again: CachedScript = isolate.compileScriptSync(source, { ...HARNESS_FILE, produceCachedData: true });
    return again.cachedData;
  } catch {
    return undefined; // the harness is then compiled per isolate, as without a cache
  } finally {
    isolate.dispose();
  }
}

let harnessCode: { source: string; cachedData?: ivm.ExternalCopy<ArrayBuffer> } | null = null;

function harnessScript(isolate: ivm.Isolate): ivm.Script {
  if (!harnessCode) {
    const source = harnessSourceOfThisProcess();
    const cachedData = warmHarnessCache(source);
    harnessCode = cachedData ? { source, cachedData } : { source };
  }
  if (harnessCode.cachedData) {
    const script: CachedScript = isolate.compileScriptSync(harnessCode.source, { ...HARNESS_FILE, cachedData: harnessCode.cachedData });
    if (!script.cachedDataRejected) return script;
  }
  return isolate.compileScriptSync(harnessCode.source, HARNESS_FILE);
}

/** A new isolate with the harness installed and no student code in it yet. */
function freshIsolate(memoryMb: number): FreshIsolate {
  const marker = `__cg_done_${randomBytes(9).toString("hex")}`;
  let t = phaseStart();
  const isolate = new ivm.Isolate({ memoryLimit: memoryMb });
  const context = isolate.createContextSync();
  phaseEnd("isolate: create + context", t);
  t = phaseStart();
  const install = harnessScript(isolate).runSync(context, { reference: true, timeout: 2000 }) as ivm.Reference<(marker: string) => unknown>;
  const harness = install.applySync(undefined, [marker], { result: { reference: true }, timeout: 2000 }) as unknown as ivm.Reference<Record<string, unknown>>;
  install.release();
  const fn = (k: string) => harness.getSync(k, { reference: true }) as ivm.Reference<(...a: unknown[]) => unknown>;
  const fns: HarnessFns = {
    call: fn("call"),
    callEach: fn("callEach"),
    get: fn("get"),
    mute: fn("mute"),
    output: fn("output"),
    setNamespace: fn("setNamespace"),
    isDone: fn("isDone"),
  };
  phaseEnd("harness: evaluate + references", t);
  return { isolate, context, fns, marker, memoryMb };
}

// One isolate is prepared ahead of time (between jobs), so creating it is off a grading's path.
let spare: FreshIsolate | null = null;

function takeFreshIsolate(memoryMb: number): FreshIsolate {
  const s = spare;
  spare = null;
  if (s && s.memoryMb === memoryMb && !s.isolate.isDisposed) return s;
  if (s && !s.isolate.isDisposed) s.isolate.dispose();
  return freshIsolate(memoryMb);
}

function returnFreshIsolate(f: FreshIsolate): void {
  if (spare === null) spare = f;
  else f.isolate.dispose();
}

/** Prepares the next grading's isolate; call when idle. */
export function prepareSpareIsolate(memoryMb: number): void {
  if (spare && spare.memoryMb === memoryMb) return;
  if (spare) spare.isolate.dispose();
  spare = freshIsolate(memoryMb);
}

export class Sandbox implements StudentSession {
  private testFatal: "timeout" | "memory" | null = null;
  private loadFailure: StudentError | null = null;
  private deadline: number;
  private disposed = false;
  private muted = false;
  /** The output as last read from the isolate, with its version; and the version the last envelope reported (null: unknown). */
  private outputCopy: { ov: number; text: string } | null = null;
  private outputSeen: number | null = null;

  private constructor(
    private readonly isolate: ivm.Isolate,
    private readonly context: ivm.Context,
    private readonly fns: HarnessFns,
    private readonly o: SandboxOptions,
    private readonly locate: Locate,
  ) {
    this.deadline = o.deadline;
  }

  /** Compiles and loads the submission; top-level code runs (timed) here. */
  static async open(source: string, o: SandboxOptions, onCompiled?: () => void): Promise<OpenResult> {
    const fresh = takeFreshIsolate(o.memoryMb);
    let t = phaseStart();
    const compiled = await compileSubmission(source, fresh.marker, o.deadline - performance.now(), o.maxNesting);
    phaseEnd("compile (esbuild)", t);
    onCompiled?.();
    if (!compiled.ok) {
      returnFreshIsolate(fresh);
      return compiled;
    }
    const sandbox = new Sandbox(fresh.isolate, fresh.context, fresh.fns, o, sourceLocator(compiled.map));
    t = phaseStart();
    let mod: ivm.Module;
    try {
      // Parsing and linking run no student code, so the sync forms are safe here.
      mod = fresh.isolate.compileModuleSync(compiled.code, { filename: "file:///submission.js" });
    } catch (e) {
      sandbox.dispose();
      return { ok: false, status: "compile_error", message: `Compile error: ${(e as Error).message}` };
    }
    await sandbox.load(mod);
    phaseEnd("module: compile, link, top-level code", t);
    return { ok: true, sandbox };
  }

  private timeoutFor(cap: number): number {
    return Math.max(1, Math.floor(Math.min(cap, this.deadline - performance.now())));
  }

  private outOfMemory(what: string): StudentError {
    return new StudentError("memory", `${what}: your code ran out of memory (limit ${this.o.memoryMb} MB).`);
  }

  /** Maps an isolated-vm failure of a timed call; sets the fatal state. */
  private failure(e: unknown, what: string): StudentError {
    if (this.isolate.isDisposed) {
      this.testFatal = "memory";
      return this.outOfMemory(what);
    }
    const msg = e instanceof Error ? e.message : String(e);
    if (/timed out/i.test(msg)) {
      this.testFatal = "timeout";
      return new StudentError("timeout", `${what}: your code did not finish in time.`);
    }
    if (/memory/i.test(msg)) {
      this.testFatal = "memory";
      return this.outOfMemory(what);
    }
    return new StudentError("threw", `${what} failed: ${msg.slice(0, ERROR_MESSAGE_CAP)}`);
  }

  private async load(mod: ivm.Module): Promise<void> {
    try {
      mod.instantiateSync(this.context, (spec) => {
        throw new Error(`imports are not allowed ("${spec}")`);
      });
      // The student's top-level code, timed (microtasks and top-level await included: isolated-vm
      // runs the isolate's microtasks before either form returns). Sync like the calls (measured:
      // 0.3 ms less per grading than handing it to isolated-vm's thread).
      const timed = { timeout: this.timeoutFor(this.o.callTimeoutMs) };
      if (this.o.callMode === "sync") mod.evaluateSync(timed);
      else await mod.evaluate(timed);
      // Harness functions that never run student code: sync calls are safe and cheap.
      this.fns.setNamespace.applySync(undefined, [mod.namespace.derefInto()], { timeout: 1000 });
      const done = this.fns.isDone.applySync(undefined, [], { timeout: 1000, result: { copy: true } });
      if (done !== true) {
        this.loadFailure = new StudentError("not_loaded", "Your module's top-level code never finished (a top-level await on a promise that never settles?).");
      }
    } catch (e) {
      const f = this.failure(e, "Loading your module");
      if (f.kind === "threw") {
        const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        // isolated-vm hands over a host-side copy of the error, so reading its stack runs nothing of the student's.
        const m = e instanceof Error && typeof e.stack === "string" ? COMPILED_AT.exec(e.stack) : null;
        const where = m ? whereInSource(this.locate, Number(m[1]), Number(m[2])) : "";
        this.loadFailure = new StudentError("threw", `Your module threw while loading: ${msg.slice(0, ERROR_MESSAGE_CAP)}${where}`);
      } else {
        this.loadFailure = f;
      }
    }
  }

  /** Set when the module could not be loaded; every call then fails with it. */
  get loadError(): StudentError | null {
    return this.loadFailure;
  }

  beginTest(visibility: Visibility, deadline: number): void {
    this.deadline = Math.min(deadline, this.o.deadline);
    if (this.testFatal === "timeout") this.testFatal = null; // memory stays: the isolate is gone
    const mute = visibility !== "visible";
    if (mute !== this.muted && !this.isolate.isDisposed) {
      this.muted = mute;
      try {
        this.fns.mute.applySync(undefined, [mute], { timeout: 1000 });
      } catch {
        /* the isolate is gone; calls will say so */
      }
    }
  }

  fatal(): "timeout" | "memory" | null {
    if (this.loadFailure && (this.loadFailure.kind === "timeout" || this.loadFailure.kind === "memory")) return this.loadFailure.kind;
    return this.testFatal;
  }

  /** One timed crossing into the harness; returns its envelope (a structured clone the harness built). */
  private async cross(fn: "call" | "get" | "callEach", what: string, callArgs: unknown[], timeoutMs: number): Promise<Envelope> {
    if (this.loadFailure) throw this.loadFailure;
    if (this.testFatal === "memory" || this.isolate.isDisposed) {
      this.testFatal = "memory";
      throw this.outOfMemory(what);
    }
    if (this.deadline - performance.now() <= 0) {
      this.testFatal = "timeout";
      throw new StudentError("timeout", `${what}: the time limit ran out.`);
    }
    let raw: unknown;
    const t = phaseStart();
    // Until an envelope says otherwise, the output may have changed (a call cut short wrote some).
    this.outputSeen = null;
    try {
      const opts = { timeout: this.timeoutFor(timeoutMs), arguments: { copy: true }, result: { copy: true } } as const;
      raw = this.o.callMode === "sync" ? this.fns[fn].applySync(undefined, callArgs, opts) : await this.fns[fn].apply(undefined, callArgs, opts);
    } catch (e) {
      throw this.failure(e, what);
    }
    phaseEnd(`crossing: ${fn} (into the isolate and back)`, t);
    if (raw === null || typeof raw !== "object") throw new StudentError("threw", `${what} failed`);
    const env = raw as Envelope;
    if (typeof env.ov === "number") this.outputSeen = env.ov;
    return env;
  }

  private async invoke(fn: "call" | "get", name: string, args: unknown[]): Promise<unknown> {
    const what = fn === "call" ? `${name}()` : `reading ${name}`;
    const env = await this.cross(fn, what, fn === "call" ? [name, crossingArgs([args])[0]] : [name], this.o.callTimeoutMs);
    const r = settle(env, what, this.locate);
    return r.status === "fulfilled" ? r.value : Promise.reject(r.reason);
  }

  call<T = unknown>(name: string, ...args: unknown[]): Promise<T> {
    return this.invoke("call", name, args) as Promise<T>;
  }

  get<T = unknown>(name: string): Promise<T> {
    return this.invoke("get", name, []) as Promise<T>;
  }

  async callEach<T = unknown>(name: string, argLists: unknown[][]): Promise<PromiseSettledResult<T>[]> {
    if (!Array.isArray(argLists) || argLists.length > MAX_BATCH || !argLists.every(Array.isArray)) {
      throw new TypeError(`callEach needs an array of at most ${MAX_BATCH} argument arrays`);
    }
    if (argLists.length === 0) return [];
    const what = `${name}()`;
    // The batch may take as long as its calls would one by one (the grading deadline still caps it).
    const env = await this.cross("callEach", what, [name, crossingArgs(argLists)], this.o.callTimeoutMs * argLists.length);
    if (!env.ok || !Array.isArray(env.each)) throw settleError(env, what, this.locate);
    return env.each.map((e) => settle(e, what, this.locate) as PromiseSettledResult<T>);
  }

  /**
   * The student's console output so far (capped); empty if the isolate is gone. Call only between
   * calls into it. Read from the isolate only when the last envelope's version differs from the
   * copy's (or `fresh`): output a promise callback prints after a call's envelope was made shows
   * up at the next change or fresh read, and the final output is always read fresh.
   */
  output(fresh = false): string {
    if (this.isolate.isDisposed) return "";
    if (!fresh && this.outputCopy && this.outputSeen === this.outputCopy.ov) return this.outputCopy.text;
    const t = phaseStart();
    try {
      const o = this.fns.output.applySync(undefined, [], { timeout: 1000, result: { copy: true } }) as { ov?: unknown; text?: unknown } | null;
      const text = typeof o?.text === "string" ? o.text : "";
      this.outputCopy = typeof o?.ov === "number" ? { ov: o.ov, text } : null;
      this.outputSeen = this.outputCopy?.ov ?? null;
      return text;
    } catch {
      return "";
    } finally {
      phaseEnd("output: read from the isolate", t);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const t = phaseStart();
    try {
      this.context.release();
    } catch {
      /* already gone */
    }
    if (!this.isolate.isDisposed) this.isolate.dispose();
    phaseEnd("dispose the isolate", t);
  }
}
