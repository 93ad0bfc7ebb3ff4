// CPU time (user + system, ms) used so far by this process and each of its descendants, summed by
// kind: this process, queue worker processes, the grading children, their esbuild services, and
// (when asked for) a detached server such as the throwaway PostgreSQL with its backends. Read from
// /proc (Linux); elsewhere it is empty. The benchmarks take two readings around a saturated run, so
// the difference says where each job's CPU goes across processes (the phase clock sees only one).
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

export type CpuByKind = Record<string, number>;

type Proc = { pid: number; ppid: number; cmd: string; ms: number };

function processes(): Proc[] {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  return pids.flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      return [{ pid: Number(pid), ppid: Number(fields[1]), cmd, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS }];
    } catch {
      return []; // exited meanwhile
    }
  });
}

/** `roots` and every process below them. */
function below(procs: Proc[], roots: Set<number>): Set<number> {
  const out = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs)
      if (!out.has(p.pid) && out.has(p.ppid)) {
        out.add(p.pid);
        grew = true;
      }
  }
  return out;
}

export type CpuOptions = {
  /** What this process is called in the result (default "the pool's parent"). */
  self?: string;
  /** A detached server to count too: the processes whose command line contains `match`, with everything below them. */
  server?: { match: string; kind: string };
};

export function treeCpuMs(o: CpuOptions = {}): CpuByKind {
  const procs = processes();
  const mine = below(procs, new Set([process.pid]));
  const server = o.server ? below(procs, new Set(procs.filter((p) => p.cmd.includes(o.server!.match)).map((p) => p.pid))) : new Set<number>();
  const out: CpuByKind = {};
  for (const p of procs) {
    let kind: string;
    if (server.has(p.pid)) kind = o.server!.kind;
    else if (!mine.has(p.pid)) continue;
    else if (p.pid === process.pid) kind = o.self ?? "the pool's parent";
    else if (p.cmd.includes("coursegrade-grader")) kind = "grading children";
    else if (p.cmd.includes("esbuild")) kind = "their esbuild services";
    else if (p.cmd.includes("grader-worker")) kind = "worker processes (queue client, pool parent)";
    else kind = "other";
    out[kind] = (out[kind] ?? 0) + p.ms;
  }
  return out;
}

/** after − before per kind, divided by n. */
export function perItem(before: CpuByKind, after: CpuByKind, n: number): CpuByKind {
  return Object.fromEntries(Object.keys(after).map((k) => [k, Math.round(((after[k]! - (before[k] ?? 0)) / n) * 100) / 100]));
}
