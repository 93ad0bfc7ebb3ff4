// How a grading child process is started: V8 flags that take WebAssembly away from every isolate
// in it, and a memory ceiling the kernel enforces (RLIMIT_DATA through util-linux's `prlimit`),
// so no allocation path of V8 or isolated-vm (WebAssembly memories, array buffers, the heap, the
// compiler service it starts) can grow the child past it. isolated-vm's memoryLimit counts only
// the isolate's heap; the ceiling is the limit that always holds.
//
// RLIMIT_DATA counts private writable mappings, not address space: V8 reserves gigabytes of
// PROT_NONE address space at start-up, so RLIMIT_AS cannot be used, but reserved-and-unused
// space costs nothing under RLIMIT_DATA. (cgroup v2 would cover the whole tree, but a grader
// usually cannot create cgroups; rlimits need no privilege.)
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * V8 flags of every grading child. Every grading runs the student's functions in a fresh isolate,
 * so each is called only a few times, and V8's defaults for code run many times cost there: lazy
 * compilation parses a function once to skip it and again on its first call, and lazy feedback
 * allocation makes the second call pay for feedback vectors and a batch of baseline compilation
 * (measured in one process: the first two calls of layerNorm took 290 and 270 µs, the third 70).
 * With both turned off, a grading of the layernorm reference costs about 1.2 ms (13%) less; a child
 * starts about 25 ms slower, as Node's own modules are compiled whole.
 */
export const CHILD_V8_FLAGS = ["--no-node-snapshot", "--noexpose-wasm", "--no-lazy", "--no-lazy-feedback-allocation"];
/** Set in a child's environment by PoolOptions.exposeWasm (tests of the ceiling only). */
export const EXPOSE_WASM_ENV = "COURSEGRADE_EXPOSE_WASM";

/**
 * What a child needs besides the student's heap: Node, isolated-vm, the loaded staff tests and
 * the data they build (measured: about 120 MB of private data after loading every assignment's
 * tests), with room to spare so that a well-behaved submission never meets the ceiling.
 */
export const CHILD_BASE_MB = 320;

/** The ceiling for a grading whose isolate may use `memoryMb`: the heap may briefly need twice its limit while V8 collects. */
export function ceilingMbFor(memoryMb: number): number {
  return CHILD_BASE_MB + 2 * memoryMb;
}

const PRLIMIT_PATHS = ["/usr/bin/prlimit", "/bin/prlimit"];

/** util-linux's prlimit, or null where it is missing (then only isolated-vm's limit applies). */
export function prlimitPath(): string | null {
  if (process.platform !== "linux") return null;
  return PRLIMIT_PATHS.find((p) => existsSync(p)) ?? null;
}

/** fork() options that start a child under a data ceiling of `ceilingMb` (soft limit only: see setCeiling). */
export function forkCommand(ceilingMb: number | null, exposeWasm = false): { execPath: string; execArgv: string[]; env: NodeJS.ProcessEnv } {
  const flags = exposeWasm ? CHILD_V8_FLAGS.filter((f) => f !== "--noexpose-wasm") : CHILD_V8_FLAGS;
  const env = { ...process.env };
  if (exposeWasm) env[EXPOSE_WASM_ENV] = "1";
  else delete env[EXPOSE_WASM_ENV];
  const prlimit = prlimitPath();
  if (!prlimit || ceilingMb === null) return { execPath: process.execPath, execArgv: flags, env };
  // prlimit sets the limit and execs node in the same process, so the IPC channel is inherited.
  return { execPath: prlimit, execArgv: [`--data=${ceilingMb * 1024 * 1024}:`, "--", process.execPath, ...flags], env };
}

/**
 * Moves a running child's ceiling (a job with another memoryMb). Only the soft limit is set, so
 * raising it again needs no privilege; the child's host code is trusted and student code in the
 * isolate cannot make system calls, so the hard limit has nothing to guard.
 */
export function setCeiling(pid: number, ceilingMb: number): Promise<void> {
  const prlimit = prlimitPath();
  if (!prlimit) return Promise.resolve();
  return new Promise((resolve, reject) => {
    execFile(prlimit, [`--pid=${pid}`, `--data=${ceilingMb * 1024 * 1024}:`], (e) => (e ? reject(e) : resolve()));
  });
}

/** Whether a child's last words on stderr say it failed to allocate memory. */
export function saysOutOfMemory(stderrTail: string): boolean {
  return /out of memory|allocation failed|Cannot allocate memory|std::bad_alloc|OOM/i.test(stderrTail);
}
