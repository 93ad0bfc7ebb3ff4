// CPU time (user + system, ms) used so far by this process and each of its descendants, summed by
// kind: "this process", the grading children, their esbuild services. Read from /proc (Linux);
// elsewhere it is empty. bench:grader --profile takes two readings around a saturated run, so the
// difference says where each grading's CPU goes across processes (the phase clock sees only one).
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

export type CpuByKind = Record<string, number>;

export function treeCpuMs(): CpuByKind {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return {};
  }
  const procs = pids.flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      return [{ pid: Number(pid), ppid: Number(fields[1]), cmd, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS }];
    } catch {
      return []; // exited meanwhile
    }
  });
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs)
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
  }
  const out: CpuByKind = {};
  for (const p of procs) {
    if (!mine.has(p.pid)) continue;
    const kind =
      p.pid === process.pid
        ? "the pool's parent"
        : p.cmd.includes("coursegrade-grader")
          ? "grading children"
          : p.cmd.includes("esbuild")
            ? "their esbuild services"
            : "other";
    out[kind] = (out[kind] ?? 0) + p.ms;
  }
  return out;
}

/** after − before per kind, divided by n. */
export function perItem(before: CpuByKind, after: CpuByKind, n: number): CpuByKind {
  return Object.fromEntries(Object.keys(after).map((k) => [k, Math.round(((after[k]! - (before[k] ?? 0)) / n) * 100) / 100]));
}
