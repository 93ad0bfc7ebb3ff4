// Turns a student's TypeScript/JavaScript source into one self-contained ES module, or a clear
// reason why not: too large, a syntax/type-syntax error (with the student's line and column),
// or an import of anything at all (submissions must be self-contained). Runs in the grading
// child, whose esbuild service it starts: when that service fails (a crash, a source it chokes
// on, the grading's deadline passing) the result says the child must exit, so the next
// submission gets a fresh service.
import { build, transform, type Message } from "esbuild";
import { MAX_SOURCE_BYTES, MAX_TIMEOUT_MS } from "./limits";
import { MAX_NESTING, nestingRefusal } from "./nesting";

export const SUBMISSION_FILE = "submission.ts";

export type CompileResult =
  /** `map`: the source map from `code` back to the student's lines (runtime errors name them). */
  | { ok: true; code: string; map?: string }
  | { ok: false; status: "compile_error" | "rejected"; message: string }
  /** Not the student's compile error: the compiler failed or ran out of time; its process must be replaced. */
  | { ok: false; status: "error"; message: string; compilerFailed: true };

export const COMPILER_FAILED =
  "The compiler could not handle this code (it stopped without reporting an error in it). This is not counted as your compile error; simplify unusually long or deeply nested expressions and submit again, and tell the course staff if it happens again.";

export function compileTimeoutMessage(timeoutMs: number): string {
  return `Your code took too long to compile (the grading's time limit of ${Math.round(timeoutMs / 100) * 100} ms passed while compiling). Simplify deeply nested or very long expressions and submit again.`;
}

/** Refusal message for a source over the limit, or null when it fits. Cheap: call before anything else. */
export function sizeRefusal(source: string): string | null {
  const bytes = Buffer.byteLength(source, "utf8");
  if (bytes <= MAX_SOURCE_BYTES) return null;
  return `Submission is ${Math.ceil(bytes / 1024)} KB; the limit is ${MAX_SOURCE_BYTES / 1024} KB. Remove generated tables or unused code and submit again.`;
}

const IMPORT_REFUSED = "imports are not allowed";

function where(m: Message): string {
  const loc = m.location;
  if (!loc) return "";
  // esbuild's column counts UTF-8 bytes; students count characters.
  const col = Buffer.from(loc.lineText, "utf8").subarray(0, loc.column).toString("utf8").length + 1;
  return `line ${loc.line}, column ${col}`;
}

/** A diagnostic about the student's code has a location; esbuild's own failures ("The service was stopped") have none. */
function isDiagnostic(m: Message | undefined): m is Message {
  return m !== undefined && (m.location !== null || m.text.startsWith(IMPORT_REFUSED));
}

/**
 * Compiles within `timeoutMs` (the grading's time; compiling is part of it). A compiler failure
 * or timeout is never reported as the student's compile error.
 */
export async function compileSubmission(source: string, doneMarker: string, timeoutMs = MAX_TIMEOUT_MS, maxNesting = MAX_NESTING): Promise<CompileResult> {
  const refused = sizeRefusal(source) ?? nestingRefusal(source, maxNesting);
  if (refused) return { ok: false, status: "rejected", message: refused };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CompileResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, status: "error", message: compileTimeoutMessage(timeoutMs), compilerFailed: true }), Math.max(1, timeoutMs));
  });
  try {
    return await Promise.race([compileWithEsbuild(source, doneMarker), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function compileWithEsbuild(source: string, doneMarker: string): Promise<CompileResult> {
  const done = `\n;globalThis[${JSON.stringify(doneMarker)}]();\n`;
  // Fast path: with no "import"/"require" text at all there is nothing to resolve, so a plain
  // transform gives the same module (keywords cannot be spelled with escapes; the isolate has
  // no require and no module loader anyway).
  if (!/import|require/.test(source)) {
    try {
      const out = await transform(source, {
        loader: "ts",
        format: "esm",
        target: "es2022",
        sourcefile: SUBMISSION_FILE,
        sourcemap: "external",
        logLevel: "silent",
      });
      return { ok: true, code: out.code + done, map: out.map };
    } catch {
      // fall through: the bundling path reports the same errors with their locations
    }
  }
  let imports: string[] = [];
  try {
    const out = await build({
      stdin: { contents: source, loader: "ts", sourcefile: SUBMISSION_FILE },
      bundle: true, // so every import (static, require("x"), import("x")) reaches the plugin below
      format: "esm",
      platform: "neutral",
      target: "es2022",
      // Keep unused imports too (TS would drop them as possibly type-only): every import is refused.
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
      write: false,
      outfile: "submission.js",
      sourcemap: "external",
      logLevel: "silent",
      plugins: [
        {
          name: "refuse-imports",
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) => {
              imports.push(args.path);
              return { errors: [{ text: `${IMPORT_REFUSED}: "${args.path}"` }] };
            });
          },
        },
      ],
    });
    const files = out.outputFiles ?? [];
    const code = files.find((f) => f.path.endsWith(".js"))?.text ?? "";
    const map = files.find((f) => f.path.endsWith(".map"))?.text;
    return { ok: true, code: code + done, ...(map ? { map } : {}) };
  } catch (e) {
    const errors: Message[] = (e as { errors?: Message[] }).errors ?? [];
    const first = errors[0];
    if (!isDiagnostic(first)) {
      process.stderr.write(`grader: the compiler failed: ${String(e).slice(0, 500)}\n`);
      return { ok: false, status: "error", message: COMPILER_FAILED, compilerFailed: true };
    }
    if (first.text.startsWith(IMPORT_REFUSED)) {
      const what = imports.length ? ` (found ${imports.map((p) => `"${p}"`).join(", ")})` : "";
      return {
        ok: false,
        status: "rejected",
        message: `Imports are not allowed: a submission must be self-contained, with no import, require() or import() of Node built-ins, npm packages or files${what}. First at ${where(first)}.`,
      };
    }
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? "s" : ""})` : "";
    return { ok: false, status: "compile_error", message: `Compile error at ${where(first)}: ${first.text}${more}` };
  } finally {
    imports = [];
  }
}
