// Submissions that attack the sandbox's resources rather than its logic (issue 21): WebAssembly
// memory outside the isolate's heap limit, and sources under the size limit that are pathological
// for a compiler (deep nesting, long unary runs). Shared by the security tests and the
// measurement script, so both talk about the same inputs.

/** layernorm's three exports, each running `body`. */
export const all3 = (body: string): string =>
  ["layerNorm", "rmsNorm", "groupNorm"].map((f) => `export function ${f}(x: any, ...rest: any[]): any { ${body} }`).join("\n");

/** 64 KiB pages of WebAssembly memory, each page touched, 64 MiB per memory, `count` memories. */
export function wasmMemory(count: number): string {
  return `const keep: any[] = [];
for (let i = 0; i < ${count}; i++) {
  const m = new WebAssembly.Memory({ initial: 1024, maximum: 1024 });
  new Uint8Array(m.buffer).fill(1);
  keep.push(m);
}
${all3("return x;")}`;
}

/** Arrow functions nested `depth` deep: `() => () => ... => 0`. */
export function nestedArrows(depth: number): string {
  return `const f = ${"() => ".repeat(depth)}0;\n${all3("return x;")}`;
}

/** Arrow functions with bodies nested `depth` deep: `() => { return () => { ... } }` (crashes esbuild's Go service at ~40k). */
export function nestedArrowBodies(depth: number): string {
  return `const f = ${"(a) => (".repeat(depth)}0${")".repeat(depth)};\n${all3("return x;")}`;
}

export function nestedBlocks(depth: number): string {
  return `${"{".repeat(depth)}${"}".repeat(depth)}\n${all3("return x;")}`;
}

export function nestedIfs(depth: number): string {
  return `let v = 0;\n${"if (v) ".repeat(depth)}v++;\n${all3("return x;")}`;
}

/** `-+-+...-x`, `length` operators long. */
export function unaryRun(length: number): string {
  return `const y = 1;\nconst z = ${"-+".repeat(Math.floor(length / 2))}y;\n${all3("return x;")}`;
}

/** Parentheses nested `depth` deep around a value. */
export function nestedParens(depth: number): string {
  return `const p = ${"(".repeat(depth)}1${")".repeat(depth)};\n${all3("return x;")}`;
}
