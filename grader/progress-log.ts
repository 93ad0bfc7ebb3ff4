// What a grading child has finished, kept where the parent can read it after a SIGKILL without
// being told about every test. The child appends each progress message (a finished test, the
// output so far, "compiled") to a file of its own with one write system call; the parent reads
// the file only when it has to kill the child or the child dies, and otherwise ignores it. Before
// this, every test cost an IPC message: the child serialized and sent it and the parent woke up
// to parse it, about 25 times per grading, for a report that would carry the same results anyway.
// The file sits in a directory only the server's user can enter (mkdtemp makes it 0700),
// preferably on tmpfs (/dev/shm), so these writes never reach a disk.
import { existsSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FromChild } from "./child";

/** The child's progress file, set in its environment by the pool. */
export const PROGRESS_FILE_ENV = "COURSEGRADE_PROGRESS_FILE";

type Progress = Extract<FromChild, { type: "progress" | "compiled" }>;

/** The child's side: one file, emptied at the start of each job. */
export interface ProgressLog {
  begin(): void;
  /** False when the file cannot be written (disk full...): the caller sends the message instead. */
  write(m: Progress): boolean;
}

export function openProgressLog(file = process.env[PROGRESS_FILE_ENV]): ProgressLog | null {
  if (!file) return null;
  let fd: number;
  try {
    fd = openSync(file, "w", 0o600);
  } catch {
    return null;
  }
  let at = 0;
  let broken = false;
  return {
    begin() {
      at = 0;
      try {
        ftruncateSync(fd, 0);
      } catch {
        broken = true;
      }
    },
    write(m) {
      if (broken) return false;
      try {
        at += writeSync(fd, `${JSON.stringify(m)}\n`, at);
        return true;
      } catch {
        broken = true; // from now on this job's progress goes over IPC
        return false;
      }
    },
  };
}

/** The parent's side: a private directory per pool, one file per child process. */
export interface ProgressFiles {
  fileFor(seq: number): string;
  /** The progress messages of job `id` the child wrote (a torn last line is skipped). */
  read(file: string, id: number): Progress[];
  remove(file: string): void;
  close(): void;
}

const PREFIX = "coursegrade-progress-";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // someone else's live process
  }
}

/**
 * Removes the folders of pools whose process is gone: a pool SIGKILLed (a worker killed, a
 * crashed server) cannot remove its own. The owner's pid is in the folder's name.
 */
export function sweepStaleProgressFolders(base: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const m = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (!m || alive(Number(m[1]))) continue;
    try {
      rmSync(path.join(base, name), { recursive: true, force: true });
    } catch {
      /* another sweeper, or not ours to remove */
    }
  }
}

// Folders of this process's pools, removed when it exits normally (close() does it earlier).
const liveFolders = new Set<string>();
let exitHook = false;

export function createProgressFiles(): ProgressFiles {
  let dir: string | null = null;
  const bases = existsSync("/dev/shm") ? ["/dev/shm", os.tmpdir()] : [os.tmpdir()];
  const ensureDir = (): string | null => {
    for (const base of bases) {
      if (dir) break;
      try {
        sweepStaleProgressFolders(base);
        dir = mkdtempSync(path.join(base, `${PREFIX}${process.pid}-`));
        liveFolders.add(dir);
        if (!exitHook) {
          exitHook = true;
          process.once("exit", () => {
            for (const d of liveFolders) rmSync(d, { recursive: true, force: true });
          });
        }
      } catch {
        /* not writable: the next one */
      }
    }
    return dir;
  };
  return {
    // "" when no folder can be made: the child then sends its progress over IPC.
    fileFor: (seq) => {
      const d = ensureDir();
      return d ? path.join(d, `child-${seq}.jsonl`) : "";
    },
    read(file, id) {
      if (!file) return [];
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        return [];
      }
      const out: Progress[] = [];
      for (const line of text.split("\n")) {
        if (!line) continue;
        try {
          const m = JSON.parse(line) as Progress;
          if (m.id === id) out.push(m);
        } catch {
          /* the write the kill interrupted */
        }
      }
      return out;
    },
    remove(file) {
      if (!file) return;
      try {
        unlinkSync(file);
      } catch {
        /* never created, or gone */
      }
    },
    close() {
      if (dir) {
        rmSync(dir, { recursive: true, force: true });
        liveFolders.delete(dir);
      }
      dir = null;
    },
  };
}
