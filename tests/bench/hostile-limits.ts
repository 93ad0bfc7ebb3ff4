// npm run bench:hostile: grades each hostile submission of tests/security/lib/hostile-sources.ts
// (WebAssembly memory, compiler-pathological nesting and unary runs) on layernorm, through the
// pool in this process and through `npm run --silent grade`, and prints for each the peak resident
// memory of the whole grading process tree (sampled from /proc), the wall time and the outcome;
// then the reference solution graded in the same pool right after. Figures, not assertions.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCodeQuestion } from "../../grader/code-question";
import { createGraderPool } from "../../grader/pool";
import * as H from "../security/lib/hostile-sources";
import { sampleTreeRss } from "../security/lib/process-tree";

const root = path.resolve(import.meta.dirname, "../..");
const assignmentDir = path.join(root, "assignments/layernorm");
const question = readCodeQuestion(assignmentDir);
const solution = readFileSync(path.join(assignmentDir, "solution.ts"), "utf8");
const MB = 1024 * 1024;

const cases: [string, string][] = [
  ["wasm memory 20 x 64 MB", H.wasmMemory(20)],
  ["nested arrows 40000", H.nestedArrows(40_000)],
  ["nested arrow bodies 800", H.nestedArrowBodies(800)],
  ["nested blocks 100000", H.nestedBlocks(100_000)],
  ["nested ifs 30000", H.nestedIfs(30_000)],
  ["unary run 250000", H.unaryRun(250_000)],
];
const only = process.argv[2];

async function viaPool(): Promise<void> {
  const pool = createGraderPool({ size: 1 });
  await pool.grade({ assignmentDir, question, source: solution, include: "all" });
  for (const [name, source] of cases) {
    if (only && !name.includes(only)) continue;
    const s = sampleTreeRss(process.pid);
    const t0 = performance.now();
    const r = await pool
      .grade({ assignmentDir, question, source, include: "all" })
      .catch((e: Error) => ({ status: `threw: ${e.message.slice(0, 120)}`, score: 0, maxScore: 0, output: "" }));
    const ms = performance.now() - t0;
    const peak = s.stop();
    const ref = await pool
      .grade({ assignmentDir, question, source: solution, include: "all" })
      .catch((e: Error) => ({ status: `threw: ${e.message.slice(0, 120)}`, score: 0, maxScore: 0 }));
    console.log(
      JSON.stringify({
        via: "pool",
        name,
        peakRssMb: Math.round(peak / MB),
        wallMs: Math.round(ms),
        status: r.status,
        score: r.score,
        output: (r.output ?? "").slice(0, 160),
        replaced: pool.replaced,
        referenceAfter: `${ref.status} ${ref.score}/${ref.maxScore}`,
      }),
    );
  }
  await pool.close();
}

async function viaCli(): Promise<void> {
  for (const [name, source] of cases) {
    if (only && !name.includes(only)) continue;
    const file = path.join(os.tmpdir(), `hostile-${process.pid}.ts`);
    writeFileSync(file, source);
    const t0 = performance.now();
    const child = spawn("npx", ["tsx", "grader/cli.ts", "--assignment", assignmentDir, "--file", file, "--json"], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const s = sampleTreeRss(child.pid!);
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    await new Promise((r) => child.on("exit", r));
    const peak = s.stop();
    let status = "?";
    try {
      const j = JSON.parse(out) as { status: string; score: number };
      status = `${j.status} ${j.score}`;
    } catch {
      status = out.slice(0, 100);
    }
    console.log(JSON.stringify({ via: "cli", name, peakRssMb: Math.round(peak / MB), wallMs: Math.round(performance.now() - t0), status }));
  }
}

await viaPool();
if (!process.env.POOL_ONLY) await viaCli();
