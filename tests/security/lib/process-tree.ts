// Resident memory of a whole process tree (a process, its children and theirs), read from /proc
// and sampled: the figure the sandbox's memory ceiling is about, since a grading's memory may sit
// in a pool child, in a compiler's service process, or in the parent itself.
import { readdirSync, readFileSync } from "node:fs";

function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (field 2) may contain spaces and parentheses: parse after the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(name), Number(rest[1]));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return parents;
}

/** The pid and every descendant of it alive now. */
export function processTree(root: number): number[] {
  const parents = parentsByPid();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** VmRSS of one process in bytes (0 when it is gone). */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function treeRss(root: number): number {
  return processTree(root).reduce((s, pid) => s + rssOf(pid), 0);
}

export interface RssSampler {
  /** Highest sum seen since start (or the last reset), in bytes. */
  readonly peak: number;
  /** Highest RSS of any single process of the tree other than the root, in bytes. */
  readonly peakDescendant: number;
  reset(): void;
  stop(): number;
}

/** Samples treeRss(root) every `everyMs` (default 20) until stopped. */
export function sampleTreeRss(root: number, everyMs = 20): RssSampler {
  let peak = 0;
  let peakDescendant = 0;
  const sample = () => {
    const rss = processTree(root).map((pid) => [pid, rssOf(pid)] as const);
    peak = Math.max(
      peak,
      rss.reduce((s, [, r]) => s + r, 0),
    );
    for (const [pid, r] of rss) if (pid !== root) peakDescendant = Math.max(peakDescendant, r);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    get peak() {
      return peak;
    },
    get peakDescendant() {
      return peakDescendant;
    },
    reset() {
      peak = 0;
      peakDescendant = 0;
      sample();
    },
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
