// Loads staff test files (trusted) into the grading process: bundled with esbuild so they can
// import grader/testing, grader/rng and sibling files of their assignment, compiled once and
// cached per file until the content of any file it bundles changes. Each grading checks the
// inputs' size and modification time (a stat); only a changed stamp costs a read and a hash.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";
import type { TestSpec, Visibility } from "./testing";

export interface LoadedTest {
  name: string;
  points: number;
  visibility: Visibility;
  run: TestSpec["run"];
  file: string;
}

interface CacheEntry {
  inputs: { file: string; hash: string; stamp: string }[];
  tests: LoadedTest[];
}

const cache = new Map<string, CacheEntry>();

function hashFile(file: string): string {
  try {
    return createHash("sha1").update(readFileSync(file)).digest("hex");
  } catch {
    return "missing";
  }
}

function stampOf(file: string): string {
  try {
    const st = statSync(file);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return "missing";
  }
}

/** Whether the input still has the content it was bundled with; a touched but equal file is re-stamped. */
function unchanged(input: CacheEntry["inputs"][number]): boolean {
  const stamp = stampOf(input.file);
  if (stamp === input.stamp) return true;
  if (hashFile(input.file) !== input.hash) return false;
  input.stamp = stamp;
  return true;
}

/** "visible" for a path containing "visible", "hidden" for one containing "hidden" (the default). */
export function defaultVisibility(file: string): Visibility {
  const p = file.replaceAll("\\", "/");
  if (p.includes("hidden")) return "hidden";
  if (p.includes("visible")) return "visible";
  return "hidden";
}

async function compile(file: string): Promise<CacheEntry> {
  const out = await build({
    entryPoints: [file],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    sourcemap: "inline",
    packages: "external",
  });
  const code = out.outputFiles[0]!.text;
  const cwd = process.cwd();
  const inputs = Object.keys(out.metafile.inputs).map((rel) => {
    const abs = path.resolve(cwd, rel);
    return { file: abs, stamp: stampOf(abs), hash: hashFile(abs) };
  });
  const mod: { exports: Record<string, unknown> } = { exports: {} };
  const fn = new Function("module", "exports", "require", "__filename", "__dirname", code) as (...a: unknown[]) => void;
  fn(mod, mod.exports, createRequire(file), file, path.dirname(file));
  const suite = (mod.exports.default ?? mod.exports) as { kind?: unknown; tests?: unknown };
  if (!suite || suite.kind !== "coursegrade-tests" || !Array.isArray(suite.tests)) {
    throw new Error(`${file} must \`export default defineTests([...])\``);
  }
  const fallback = defaultVisibility(file);
  const tests = (suite.tests as TestSpec[]).map((t) => ({
    name: t.name,
    points: t.points,
    // Gradescope's `after_due_date` is stored as our `after_due`, so redaction knows one spelling.
    visibility: t.visibility === undefined ? fallback : t.visibility === "after_due_date" ? ("after_due" as const) : t.visibility,
    run: t.run,
    file,
  }));
  return { inputs, tests };
}

export async function loadTestFile(file: string): Promise<LoadedTest[]> {
  const abs = path.resolve(file);
  const hit = cache.get(abs);
  if (hit && hit.inputs.every(unchanged)) return hit.tests;
  const entry = await compile(abs);
  cache.set(abs, entry);
  return entry.tests;
}

/** The tests of several files in order; names must be unique across them. */
export async function loadTests(files: string[]): Promise<LoadedTest[]> {
  const all: LoadedTest[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    for (const t of await loadTestFile(f)) {
      if (seen.has(t.name)) throw new Error(`test name "${t.name}" appears twice (${f})`);
      seen.add(t.name);
      all.push(t);
    }
  }
  return all;
}
