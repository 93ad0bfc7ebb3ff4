// Submissions that attack the grader's resources (issue 21), each graded in a pool while the
// resident memory of the whole process tree (this process, the pool's children, their compiler
// services) is sampled from /proc: each must end within its time limit plus a margin, no process
// may pass its OS memory ceiling, and right after each one every assignment's reference solution
// still scores full marks in the same pool. The second pool leaves WebAssembly and deep nesting
// through to show that the ceiling and the compiler's process boundary hold on their own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCodeQuestion } from "@/grader/code-question";
import { ceilingMbFor, prlimitPath } from "@/grader/child-limits";
import { COMPILER_FAILED, compileTimeoutMessage } from "@/grader/compile";
import { MAX_NESTING } from "@/grader/nesting";
import { createGraderPool, type GraderPool } from "@/grader/pool";
import type { GradeReport } from "@/grader/report";
import * as H from "./lib/hostile-sources";
import { sampleTreeRss } from "./lib/process-tree";

const root = path.resolve(import.meta.dirname, "../..");
const layernorm = path.join(root, "assignments/layernorm");
const ASSIGNMENTS = ["layernorm", "lnnet-capacity", "scale-invariance", "spectra", "xor-ln-net"];
const MB = 1024 * 1024;
const DEADLINE_MS = 2000;
const KILL_GRACE_MS = 500;
/** Slack for the event loop, process replacement and a loaded 2-core machine. */
const MARGIN_MS = 2500;
const POOL_SIZE = 2;
/** layernorm's memoryMb is 64; the pools' biggest (spectra) is 128. */
const CEILING_BYTES = ceilingMbFor(128) * MB;

interface Outcome {
  report: GradeReport;
  wallMs: number;
  deadlineMs: number;
  /** Peak RSS of the whole tree while grading, and what this process alone had before. */
  treePeak: number;
  before: number;
  /** Peak RSS of any single child or grandchild. */
  processPeak: number;
  referencesAfter: { slug: string; score: number; maxScore: number; status: string }[];
}

async function gradeHostile(pool: GraderPool, source: string, deadlineMs = DEADLINE_MS): Promise<Outcome> {
  const before = process.memoryUsage().rss;
  const sampler = sampleTreeRss(process.pid, 10);
  const t0 = performance.now();
  const report = await pool.grade({ assignmentDir: layernorm, question: readCodeQuestion(layernorm), source, include: "all", deadlineMs });
  const wallMs = performance.now() - t0;
  const treePeak = sampler.stop();
  const referencesAfter = await Promise.all(
    ASSIGNMENTS.map(async (slug) => {
      const dir = path.join(root, "assignments", slug);
      const r = await pool.grade({
        assignmentDir: dir,
        question: readCodeQuestion(dir),
        source: readFileSync(path.join(dir, "solution.ts"), "utf8"),
        include: "all",
      });
      return { slug, score: r.score, maxScore: r.maxScore, status: r.status };
    }),
  );
  return { report, wallMs, deadlineMs, treePeak, before, processPeak: sampler.peakDescendant, referencesAfter };
}

function expectHeld(o: Outcome): void {
  expect(o.wallMs).toBeLessThanOrEqual(o.deadlineMs + KILL_GRACE_MS + MARGIN_MS);
  expect(o.report.score).toBe(0);
  if (prlimitPath()) {
    // Each child and each compiler service under its own ceiling, so the tree under this process
    // plus, per pool child, twice the ceiling (the child and its esbuild service).
    expect(o.processPeak).toBeLessThanOrEqual(CEILING_BYTES);
    expect(o.treePeak).toBeLessThanOrEqual(o.before + POOL_SIZE * 2 * CEILING_BYTES);
  }
  for (const r of o.referencesAfter) expect(r, r.slug).toMatchObject({ status: "graded", score: r.maxScore });
}

const figures: Record<string, { status: string; wallMs: number; treePeakMb: number; processPeakMb: number }> = {};
function note(name: string, o: Outcome): void {
  figures[name] = {
    status: o.report.status,
    wallMs: Math.round(o.wallMs),
    treePeakMb: Math.round(o.treePeak / MB),
    processPeakMb: Math.round(o.processPeak / MB),
  };
}

describe("resource attacks on a default pool", () => {
  let pool: GraderPool;
  beforeAll(() => {
    pool = createGraderPool({ size: POOL_SIZE, killGraceMs: KILL_GRACE_MS });
  });
  afterAll(async () => {
    await pool.close();
  });

  it("WebAssembly memory: student code has no WebAssembly at all", async () => {
    const o = await gradeHostile(pool, H.wasmMemory(40));
    note("wasm memory (default pool)", o);
    expectHeld(o);
    expect(o.report.status).toBe("graded");
    expect(o.report.tests.every((t) => t.status === "error")).toBe(true);
    expect(o.report.tests[0]!.message).toMatch(/WebAssembly is not defined/);
  });

  it("WebAssembly cannot be reached again through an intrinsic, a prototype or the Function constructor", async () => {
    const probe = `const found: string[] = [];
const tries: [string, () => unknown][] = [
  ["globalThis", () => (globalThis as any).WebAssembly],
  ["Function constructor", () => Function("return typeof WebAssembly === 'undefined' ? undefined : WebAssembly")()],
  ["indirect eval", () => (0, eval)("typeof WebAssembly === 'undefined' ? undefined : WebAssembly")],
  ["own property names", () => Object.getOwnPropertyNames(globalThis).find((k) => /wasm|webassembly/i.test(k))],
  ["async function constructor", () => Object.getPrototypeOf(async function () {}).constructor("return 1").constructor("return typeof WebAssembly")() === "object" ? 1 : undefined],
  ["a new realm via ShadowRealm", () => (globalThis as any).ShadowRealm && new (globalThis as any).ShadowRealm().evaluate("typeof WebAssembly")],
];
for (const [name, get] of tries) { try { const v = get(); if (v !== undefined && v !== false && v !== "undefined") found.push(name); } catch {} }
${H.all3("return found.length ? found : x;")}`;
    const r = await pool.grade({ assignmentDir: layernorm, question: readCodeQuestion(layernorm), source: probe, include: "visible" });
    // Every call returns the input unchanged (scored 0 but never an escape list).
    expect(r.status).toBe("graded");
    const messages = r.tests.map((t) => t.message ?? "").join("\n");
    expect(messages).not.toMatch(/globalThis|Function constructor|eval|property names|realm/);
  });

  it.each([
    ["nested arrow functions", H.nestedArrows(40_000)],
    ["nested arrow-function bodies", H.nestedArrowBodies(800)],
    ["nested blocks", H.nestedBlocks(100_000)],
    ["nested ifs", H.nestedIfs(30_000)],
    ["a long run of unary operators", H.unaryRun(250_000)],
  ])("compiler nesting (%s): refused before the compiler sees it, naming the line", async (name, source) => {
    const o = await gradeHostile(pool, source);
    note(`${name} (default pool)`, o);
    expectHeld(o);
    expect(o.report.status).toBe("rejected");
    expect(o.report.output).toMatch(new RegExp(`nested more than ${MAX_NESTING} levels deep at line \\d+`));
    expect(o.wallMs).toBeLessThan(DEADLINE_MS);
  });
});

describe("resource attacks that reach the engine and the compiler (WebAssembly left in, no nesting bound)", () => {
  let pool: GraderPool;
  beforeAll(() => {
    pool = createGraderPool({ size: POOL_SIZE, killGraceMs: KILL_GRACE_MS, exposeWasm: true, maxNesting: Number.MAX_SAFE_INTEGER });
  });
  afterAll(async () => {
    await pool.close();
    console.log(`hostile-limits figures: ${JSON.stringify(figures)}`);
  });

  it.runIf(prlimitPath() !== null)("WebAssembly memory: the OS ceiling stops it (64 MiB memories, 2.5 GiB asked for)", async () => {
    const o = await gradeHostile(pool, H.wasmMemory(40));
    note("wasm memory (wasm left in)", o);
    expectHeld(o);
    for (const t of o.report.tests) expect(["memory", "timeout", "error"]).toContain(t.status);
  });

  it("compiler crash (esbuild's service dies on a 250,000-operator unary run): that submission only, never a compile error", async () => {
    // layernorm's own limit: the service takes about 3 s to die here.
    const o = await gradeHostile(pool, H.unaryRun(250_000), 5000);
    note("compiler crash (no nesting bound)", o);
    expectHeld(o);
    expect(o.report.status).toBe("error");
    // On a loaded machine the service may still be dying when the time limit passes.
    expect([COMPILER_FAILED, compileTimeoutMessage(5000)]).toContain(o.report.output);
  });

  it("a compile that would take minutes is stopped at the grading's time limit: your code took too long to compile", async () => {
    const o = await gradeHostile(pool, H.nestedArrows(40_000));
    note("slow compile (no nesting bound)", o);
    expectHeld(o);
    expect(o.report.status).toBe("error");
    // Mostly the deadline comes first; sometimes esbuild's Go stack outgrows the child's memory
    // ceiling before it and the service dies. Either way: status error, never a compile_error.
    expect(o.report.output, o.report.output).toMatch(/took too long to compile|The compiler could not handle this code/);
  });

  it("this process's own memory does not grow with hostile gradings (the pool's children do the work)", async () => {
    const before = process.memoryUsage().rss;
    for (const source of [H.wasmMemory(40), H.unaryRun(250_000), H.nestedArrowBodies(800)]) {
      await pool.grade({ assignmentDir: layernorm, question: readCodeQuestion(layernorm), source, include: "all", deadlineMs: DEADLINE_MS });
    }
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * MB);
  });
});
