// Source of the harness evaluated in each fresh isolate context BEFORE the student's module.
// It captures the built-ins it needs at that moment, so nothing the student later does to
// globals or prototypes changes how calls are made or how results are serialized. Every call
// returns one plain JSON string built inside the isolate; only strings ever cross to the host.
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
const stringify = JSON.stringify, parse = JSON.parse;
const isArray = Array.isArray, isView = ArrayBuffer.isView;
const getProto = Object.getPrototypeOf, ownKeys = Object.keys, defProp = Object.defineProperty;
const ObjectProto = Object.prototype, hasOwn = Object.prototype.hasOwnProperty;
const apply = Reflect.apply, Str = String, strSlice = String.prototype.slice, strIndexOf = String.prototype.indexOf;
const isFin = Number.isFinite, reExec = RegExp.prototype.exec;
const OUT_CAP = ${o.outputCapBytes}, RESULT_CAP = ${o.resultCapChars}, MSG_CAP = ${o.errorMessageCapChars};
const MAX_DEPTH = 64;
let ns = null, done = false, out = "", outFull = false, muted = false, droppedWhileMuted = false;

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

// JSON text of plain data; NaN and ±Infinity are tagged so the host sees them as numbers.
function enc(v, depth, stack, budget) {
  const t = typeof v;
  if (t === "number") {
    if (isFin(v)) return "" + v;
    return v !== v ? '{"$cg":"NaN"}' : v > 0 ? '{"$cg":"Infinity"}' : '{"$cg":"-Infinity"}';
  }
  if (t === "string") { if (v.length > budget.left) throw TooLarge(); return stringify(v); }
  if (t === "boolean") return v ? "true" : "false";
  if (v === null) return "null";
  if (t !== "object") throw NotPlain(describe(v));
  if (depth > MAX_DEPTH) throw NotPlain("data nested more than " + MAX_DEPTH + " levels deep");
  for (let i = 0; i < stack.length; i++) if (stack[i] === v) throw NotPlain("a cyclic structure");
  stack[stack.length] = v;
  let s;
  if (isArray(v)) {
    const n = v.length;
    if (typeof n !== "number" || n > RESULT_CAP) throw TooLarge();
    s = "[";
    for (let i = 0; i < n; i++) {
      const x = v[i];
      // Finite numbers inline: most results are vectors, and a call per element is what costs in
      // a fresh isolate (its code runs in the interpreter). Same text as enc gives.
      s += (i ? "," : "") + (typeof x === "number" && isFin(x) ? "" + x : x === undefined ? "null" : enc(x, depth + 1, stack, budget));
      if (s.length > budget.left) throw TooLarge();
    }
    s += "]";
  } else {
    const p = getProto(v);
    if (p !== ObjectProto && p !== null) throw NotPlain(describe(v));
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
// A budget is the number of characters still allowed; enc only compares against it (any part of
// the text is part of the total), and whoever encodes a whole value takes its length off.
function encode(v) { return enc(v, 0, [], { left: RESULT_CAP }); }

// Where in the compiled module an error was thrown: the first submission.js frame of its stack.
// Reading .stack may run the student's Error.prepareStackTrace; this runs inside the timed call.
const AT = /${COMPILED_AT.source}/;
function whereThrown(e) {
  try {
    const st = e.stack;
    if (typeof st !== "string") return "";
    const m = apply(reExec, AT, [apply(strSlice, st, [0, 4000])]);
    return m ? ',"line":' + (m[1] | 0) + ',"col":' + (m[2] | 0) : "";
  } catch (_) { return ""; }
}
function errorInfo(e) {
  let name = "Error", msg = "", at = "";
  try {
    if (e !== null && (typeof e === "object" || typeof e === "function")) {
      const n = e.name; name = typeof n === "string" ? n : "Error";
      const m = e.message; msg = typeof m === "string" ? m : m === undefined ? "" : Str(m);
      at = whereThrown(e);
    } else { name = "thrown value"; msg = typeof e === "string" ? e : Str(e); }
  } catch (_) { msg = "(the thrown error could not be read)"; }
  return '{"ok":false,"kind":"threw","name":' + stringify(cap(name, 100)) + ',"message":' + stringify(cap(msg, MSG_CAP)) + at + "}";
}
// Envelopes are built by concatenation (stringify only ever sees primitive strings), so a
// student's Object.prototype.toJSON cannot reshape them.
function fail(kind, message) { return '{"ok":false,"kind":' + stringify(kind) + ',"message":' + stringify(message) + "}"; }
function revive(k, v) {
  if (v !== null && typeof v === "object" && !isArray(v) && apply(hasOwn, v, ["$cg"])) {
    const t = v.$cg; return t === "undefined" ? undefined : t === "NaN" ? NaN : t === "Infinity" ? Infinity : t === "-Infinity" ? -Infinity : v;
  }
  return v;
}
function result(r, budget) {
  try {
    if (r !== null && (typeof r === "object" || typeof r === "function") && typeof r.then === "function") {
      return fail("promise", "returned a Promise; exports must be synchronous functions");
    }
  } catch (e) { return errorInfo(e); }
  if (r === undefined) return '{"ok":true,"undef":true}';
  try { const text = enc(r, 0, [], budget); budget.left -= text.length; return '{"ok":true,"v":' + text + "}"; }
  catch (e) {
    if (e !== null && typeof e === "object" && getProto(e) === ObjectProto && apply(hasOwn, e, ["cgNotPlain"])) return fail("not_plain", "returned " + e.msg + ", which is not plain JSON data");
    if (e !== null && typeof e === "object" && getProto(e) === ObjectProto && apply(hasOwn, e, ["cgTooLarge"])) return fail("not_plain", "returned more than " + RESULT_CAP + " characters of data");
    return errorInfo(e);
  }
}
// The reviver is only needed when the host tagged NaN/±Infinity/undefined somewhere deep. A skipped
// argument (undefined at the top of an argument list) comes as null plus its place in \`holes\`
// ("j" of call's list, "i.j" of callEach's i-th list), which costs no reviver call per value.
function parseArgs(json, holes) {
  const v = apply(strIndexOf, json, ['"$cg"']) < 0 ? parse(json) : parse(json, revive);
  if (typeof holes === "string" && holes.length > 0) {
    // Not String.prototype.split: it would look up Symbol.split, which the student may have set.
    let from = 0;
    while (from < holes.length) {
      let end = apply(strIndexOf, holes, [",", from]);
      if (end < 0) end = holes.length;
      const h = apply(strSlice, holes, [from, end]);
      const dot = apply(strIndexOf, h, ["."]);
      if (dot < 0) v[+h] = undefined;
      else v[+apply(strSlice, h, [0, dot])][+apply(strSlice, h, [dot + 1])] = undefined;
      from = end + 1;
    }
  }
  return v;
}
function callWith(f, name, args, budget) {
  if (typeof f !== "function") return fail("missing", f === undefined ? "export \\"" + name + "\\" is missing" : "export \\"" + name + "\\" is not a function");
  let r;
  try { r = apply(f, undefined, args); } catch (e) { return errorInfo(e); }
  return result(r, budget);
}
function lookup(name) {
  if (!done) return { err: fail("not_loaded", "the module's top-level code has not finished (a top-level await that never settles?)") };
  let f;
  try { f = ns[name]; } catch (e) { return { err: errorInfo(e) }; }
  return { f: f };
}
function write(args) {
  if (outFull) return;
  if (muted) { droppedWhileMuted = true; return; }
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
  if (out.length > OUT_CAP) { out = apply(strSlice, out, [0, OUT_CAP]) + "\\n[output truncated at " + OUT_CAP + " characters]\\n"; outFull = true; }
}
const log = function () { write(arguments); };
G.console = { log: log, info: log, warn: log, error: log, debug: log, trace: log };
defProp(G, "" + doneMarker, { value: function () { done = true; }, configurable: true });

return {
  setNamespace: function (n) { ns = n; },
  isDone: function () { return done; },
  call: function (name, argsJson, holes) {
    try {
      const l = lookup(name);
      if (l.err) return l.err;
      return callWith(l.f, name, parseArgs(argsJson, holes), { left: RESULT_CAP });
    } catch (_) { return fail("threw", "the call failed"); }
  },
  // Many calls of one export in one crossing (property tests): a JSON array of envelopes. The
  // result budget is shared, so a batch carries no more data than one call may.
  callEach: function (name, argListsJson, holes) {
    try {
      const l = lookup(name);
      if (l.err) return l.err;
      const lists = parseArgs(argListsJson, holes);
      const budget = { left: RESULT_CAP };
      let s = "[";
      for (let i = 0; i < lists.length; i++) s += (i ? "," : "") + callWith(l.f, name, lists[i], budget);
      return '{"ok":true,"each":' + s + "]}";
    } catch (_) { return fail("threw", "the call failed"); }
  },
  get: function (name) {
    try {
      const l = lookup(name);
      if (l.err) return l.err;
      if (l.f === undefined) return fail("missing", "export \\"" + name + "\\" is missing");
      return result(l.f, { left: RESULT_CAP });
    } catch (_) { return fail("threw", "reading the export failed"); }
  },
  mute: function (m) { muted = m; },
  output: function () { return droppedWhileMuted ? out + "[output printed during hidden tests is not shown]\\n" : out; },
};
})`;
}
