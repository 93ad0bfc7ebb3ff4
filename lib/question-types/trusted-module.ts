// Staff-written TypeScript modules stored with an assignment version (numeric generators): compiled
// with esbuild and evaluated in the server process. They are trusted like the tests (reviewed in
// git, never student input); they may import nothing at run time but types.
import { createHash } from "node:crypto";
import { transformSync } from "esbuild";

const cache = new Map<string, Record<string, unknown>>();

export class TrustedModuleError extends Error {}

export function loadTrustedModule(source: string, label: string): Record<string, unknown> {
  const key = createHash("sha256").update(source).digest("hex");
  const hit = cache.get(key);
  if (hit) return hit;
  let code: string;
  try {
    code = transformSync(source, { loader: "ts", format: "cjs", target: "node20", sourcefile: label }).code;
  } catch (error) {
    throw new TrustedModuleError(`${label} does not compile: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
  }
  const mod: { exports: Record<string, unknown> } = { exports: {} };
  const requireNothing = (name: string) => {
    throw new TrustedModuleError(`${label} imports "${name}" at run time; generators may import types only (import type ...)`);
  };
  new Function("module", "exports", "require", code)(mod, mod.exports, requireNothing);
  cache.set(key, mod.exports);
  return mod.exports;
}
