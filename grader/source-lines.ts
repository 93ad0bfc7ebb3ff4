// Maps a position in the compiled module (what the isolate's stack traces name) back to the
// student's own line and column, through the source map esbuild made. Parsed only when an error
// needs it: most gradings never do.
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";

export type Locate = (line: number, column: number) => { line: number; column: number } | null;

/** A compiled position in a stack trace (the module is compiled as file:///submission.js). */
export const COMPILED_AT = /submission\.js:(\d+):(\d+)/;

/** " (line L, column C of your code)" for a compiled position, or "" when it maps nowhere. */
export function whereInSource(locate: Locate, line: number, column: number): string {
  const at = locate(line, column);
  return at ? ` (line ${at.line}, column ${at.column} of your code)` : "";
}

export function sourceLocator(map: string | undefined): Locate {
  let traced: TraceMap | null = null;
  return (line, column) => {
    if (!map) return null;
    try {
      traced ??= new TraceMap(map);
      // V8 columns are 1-based, source-map columns 0-based.
      const p = originalPositionFor(traced, { line, column: Math.max(0, column - 1) });
      return p.line === null ? null : { line: p.line, column: p.column + 1 };
    } catch {
      return null;
    }
  };
}
