// Source of the harness evaluated in each fresh isolate context BEFORE the student's module.
// It captures the built-ins it needs at that moment, so nothing the student later does to
// globals or prototypes changes how calls are made or how results are copied. Arguments come in
// as structured clones of the host's data; every call answers with an envelope built of the
// harness's own prototype-less objects, holding a checked copy of the student's plain data, which
// isolated-vm copies to the host the same way (so no student object is ever serialized).
// The source is the same for every isolate of a process (the per-isolate done marker is the
// argument of the function it evaluates to), so V8 can reuse its compiled code (sandbox.ts).

import { COMPILED_AT } from "./source-lines";

export interface HarnessOptions {
  /** Leave WebAssembly in place (PoolOptions.exposeWasm: tests of the OS memory ceiling only). */
  keepWasm?: boolean;
  outputCapBytes: number;
  resultCapChars: number;
  errorMessageCapChars: number;
}

/** Evaluates to a function of the done marker (the random global name the compiled module calls as its last statement) that installs the harness and returns its functions. */
export function harnessSource(o: HarnessOptions): string {
  return `(function (doneMarker) {
"use strict";
const G = globalThis;
// Student code gets no WebAssembly: its memories live outside the isolate's heap limit. The
// child is started with --noexpose-wasm too, so no intrinsic or constructor reaches it again.
${o.keepWasm ? "" : "delete G.WebAssembly;"}
const stringify = JSON.stringify;
const isArray = Array.isArray, isView = ArrayBuffer.isView;
const getProto = Object.getPrototypeOf, setProto = Object.setPrototypeOf, ownKeys = Object.keys, defProp = Object.defineProperty;
const ObjectProto = Object.prototype, hasOwn = Object.prototype.hasOwnProperty;
const apply = Reflect.apply, Str = String, strSlice = String.prototype.slice;
const isFin = Number.isFinite, reExec = RegExp.prototype.exec;
const OUT_CAP = ${o.outputCapBytes}, RESULT_CAP = ${o.resultCapChars}, MSG_CAP = ${o.errorMessageCapChars};
const MAX_DEPTH = 64;
// outVer changes whenever output() would: envelopes carry it, so the host reads the output only then.
let ns = null, done = false, out = "", outFull = false, muted = false, droppedWhileMuted = false, outVer = 0;

// An empty array with no prototype: filling it cannot reach a setter the student put on Array.prototype.
function bare() { const a = []; setProto(a, null); return a; }
function cap(s, n) { return s.length > n ? apply(strSlice, s, [0, n]) + "…" : s; }
function NotPlain(msg) { return { cgNotPlain: true, msg: msg }; }
function TooLarge() { return { cgTooLarge: true }; }
function describe(v) {
  if (v === null) return "null";
  const t = typeof v;
  if (t !== "object") return t === "undefined" ? "undefined" : "a " + t;
  if (isView(v)) return "a typed array or DataView (return a plain array, e.g. Array.from(...))";
  return "an object that is not a plain object or array (a class instance, Map, Set, Date...)";
}

// What both walks below check on reaching an object: not nested too deep, not met before on the
// path from the top (a cycle), and an array or a plain object. Pushes it on the path; true for an array.
function enter(v, depth, stack) {
  if (depth > MAX_DEPTH) throw NotPlain("data nested more than " + MAX_DEPTH + " levels deep");
  for (let i = 0; i < stack.length; i++) if (stack[i] === v) throw NotPlain("a cyclic structure");
  stack[stack.length] = v;
  if (isArray(v)) return true;
  const p = getProto(v);
  if (p !== ObjectProto && p !== null) throw NotPlain(describe(v));
  return false;
}

// A copy of plain data made of the harness's own arrays and objects, which crosses to the host
// as a structured clone (binary: numbers are never printed and parsed again). The containers have
// no prototype while they are filled, so a setter the student put on Array.prototype or
// Object.prototype cannot run or see them; the host receives ordinary arrays and objects. As JSON
// would: -0 becomes 0, undefined in an array null, an undefined property is left out; NaN and
// ±Infinity stay numbers. The student's getters run here (inside the timed call), never while
// isolated-vm copies the result, which no timeout covers.
function cp(v, depth, stack, budget) {
  const t = typeof v;
  if (t === "number") return v === 0 ? 0 : v;
  if (t === "string") { if ((budget.left -= v.length) < 0) throw TooLarge(); return v; }
  if (t === "boolean" || v === null) return v;
  if (t !== "object") throw NotPlain(describe(v));
  let c;
  if (enter(v, depth, stack)) {
    const n = v.length;
    // A Proxy can claim any length: one that is negative or NaN would otherwise raise the budget.
    if (typeof n !== "number" || !(n >= 0) || n > RESULT_CAP || (budget.left -= n + 1) < 0) throw TooLarge();
    c = bare();
    for (let i = 0; i < n; i++) {
      const x = v[i];
      // Numbers inline: most results are vectors, and a call per element is what costs in a
      // fresh isolate (its code runs in the interpreter).
      c[i] = typeof x === "number" ? (x === 0 ? 0 : x) : x === undefined ? null : cp(x, depth + 1, stack, budget);
    }
  } else {
    const ks = ownKeys(v);
    if ((budget.left -= ks.length + 1) < 0) throw TooLarge();
    c = { __proto__: null };
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i];
      const x = v[k];
      if (x === undefined) continue;
      if ((budget.left -= k.length) < 0) throw TooLarge();
      c[k] = cp(x, depth + 1, stack, budget);
    }
  }
  stack.length = stack.length - 1;
  return c;
}

// JSON-like text of a value for console output (NaN and ±Infinity spelled as numbers).
function enc(v, depth, stack, budget) {
  const t = typeof v;
  if (t === "number") return isFin(v) ? "" + v : v !== v ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  if (t === "string") { if (v.length > budget.left) throw TooLarge(); return stringify(v); }
  if (t === "boolean") return v ? "true" : "false";
  if (v === null) return "null";
  if (t !== "object") throw NotPlain(describe(v));
  let s;
  if (enter(v, depth, stack)) {
    const n = v.length;
    if (typeof n !== "number" || n > budget.left) throw TooLarge();
    s = "[";
    for (let i = 0; i < n; i++) {
      const x = v[i];
      s += (i ? "," : "") + (x === undefined ? "null" : enc(x, depth + 1, stack, budget));
      if (s.length > budget.left) throw TooLarge();
    }
    s += "]";
  } else {
    const ks = ownKeys(v);
    s = "{";
    let first = true;
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i];
      const x = v[k];
      if (x === undefined) continue;
      s += (first ? "" : ",") + stringify(k) + ":" + enc(x, depth + 1, stack, budget);
      first = false;
      if (s.length > budget.left) throw TooLarge();
    }
    s += "}";
  }
  stack.length = stack.length - 1;
  return s;
}
function encode(v) { return enc(v, 0, bare(), { left: RESULT_CAP }); }

// Where in the compiled module an error was thrown: the first submission.js frame of its stack.
// Reading .stack may run the student's Error.prepareStackTrace; this runs inside the timed call.
const AT = /${COMPILED_AT.source}/;
function whereThrown(e, env) {
  try {
    const st = e.stack;
    if (typeof st !== "string") return;
    const m = apply(reExec, AT, [apply(strSlice, st, [0, 4000])]);
    if (m) { env.line = m[1] | 0; env.col = m[2] | 0; }
  } catch (_) {}
}
// Envelopes (and the containers of copies) have no prototype, so setting a field of one cannot
// reach a setter the student put on Object.prototype.
function errorInfo(e) {
  const env = { __proto__: null, ok: false, kind: "threw", name: "Error", message: "" };
  let name = "Error", msg = "";
  try {
    if (e !== null && (typeof e === "object" || typeof e === "function")) {
      const n = e.name; name = typeof n === "string" ? n : "Error";
      const m = e.message; msg = typeof m === "string" ? m : m === undefined ? "" : Str(m);
      whereThrown(e, env);
    } else { name = "thrown value"; msg = typeof e === "string" ? e : Str(e); }
  } catch (_) { msg = "(the thrown error could not be read)"; }
  env.name = cap(name, 100);
  env.message = cap(msg, MSG_CAP);
  return env;
}
function fail(kind, message) { return { __proto__: null, ok: false, kind: kind, message: message }; }
function result(r, budget) {
  try {
    if (r !== null && (typeof r === "object" || typeof r === "function") && typeof r.then === "function") {
      return fail("promise", "returned a Promise; exports must be synchronous functions");
    }
  } catch (e) { return errorInfo(e); }
  if (r === undefined) return { __proto__: null, ok: true, undef: true };
  try { return { __proto__: null, ok: true, v: cp(r, 0, bare(), budget) }; }
  catch (e) {
    if (e !== null && typeof e === "object" && getProto(e) === ObjectProto && apply(hasOwn, e, ["cgNotPlain"])) return fail("not_plain", "returned " + e.msg + ", which is not plain JSON data");
    if (e !== null && typeof e === "object" && getProto(e) === ObjectProto && apply(hasOwn, e, ["cgTooLarge"])) return fail("not_plain", "returned more than " + RESULT_CAP + " characters and values of data");
    return errorInfo(e);
  }
}
function callWith(f, name, args, budget) {
  if (typeof f !== "function") return fail("missing", f === undefined ? "export \\"" + name + "\\" is missing" : "export \\"" + name + "\\" is not a function");
  let r;
  try { r = apply(f, undefined, args); } catch (e) { return errorInfo(e); }
  return result(r, budget);
}
function lookup(name) {
  if (!done) return { __proto__: null, err: fail("not_loaded", "the module's top-level code has not finished (a top-level await that never settles?)") };
  let f;
  try { f = ns[name]; } catch (e) { return { __proto__: null, err: errorInfo(e) }; }
  return { __proto__: null, f: f };
}
function write(args) {
  if (outFull) return;
  if (muted) { if (!droppedWhileMuted) { droppedWhileMuted = true; outVer++; } return; }
  let line = "";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let s;
    if (typeof a === "string") s = a;
    else { try { s = encode(a); } catch (_) { try { s = Str(a); } catch (_2) { s = "[unprintable]"; } } }
    line += (i ? " " : "") + s;
    if (line.length > OUT_CAP) break;
  }
  out += line + "\\n";
  outVer++;
  if (out.length > OUT_CAP) { out = apply(strSlice, out, [0, OUT_CAP]) + "\\n[output truncated at " + OUT_CAP + " characters]\\n"; outFull = true; }
}
const log = function () { write(arguments); };
G.console = { log: log, info: log, warn: log, error: log, debug: log, trace: log };
defProp(G, "" + doneMarker, { value: function () { done = true; }, configurable: true });

// Each crossing's answer is an envelope with the output's version (ov) added.
function answer(env) { env.ov = outVer; return env; }

return {
  setNamespace: function (n) { ns = n; },
  isDone: function () { return done; },
  // args: the argument list, copied in by isolated-vm (structured clone).
  call: function (name, args) {
    try {
      const l = lookup(name);
      if (l.err) return answer(l.err);
      return answer(callWith(l.f, name, args, { left: RESULT_CAP }));
    } catch (_) { return answer(fail("threw", "the call failed")); }
  },
  // Many calls of one export in one crossing (property tests): an array of envelopes. The
  // result budget is shared, so a batch carries no more data than one call may.
  callEach: function (name, lists) {
    try {
      const l = lookup(name);
      if (l.err) return answer(l.err);
      const budget = { left: RESULT_CAP };
      const each = bare();
      for (let i = 0; i < lists.length; i++) each[i] = callWith(l.f, name, lists[i], budget);
      return answer({ __proto__: null, ok: true, each: each });
    } catch (_) { return answer(fail("threw", "the call failed")); }
  },
  get: function (name) {
    try {
      const l = lookup(name);
      if (l.err) return answer(l.err);
      if (l.f === undefined) return answer(fail("missing", "export \\"" + name + "\\" is missing"));
      return answer(result(l.f, { left: RESULT_CAP }));
    } catch (_) { return answer(fail("threw", "reading the export failed")); }
  },
  mute: function (m) { muted = m; },
  output: function () { return { __proto__: null, ov: outVer, text: droppedWhileMuted ? out + "[output printed during hidden tests is not shown]\\n" : out }; },
};
})`;
}
