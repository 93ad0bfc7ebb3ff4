// Who owns the embedded PGlite data folder. PGlite allows one opener per folder: a second process
// opening it behind a running server's back loses its writes. The opener writes DATA_DIR/owner.lock
// (mode 0600) with its pid and, for the site, the loopback port and token of its admin endpoint;
// anyone else either talks to that endpoint or refuses. A lock whose pid is gone, or whose server
// no longer answers, is stale and taken over.
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getEnv } from "@/lib/env";

export const SITE_RUNNING = "the site is running on this data folder; stop it or use the staff pages";

export class DataFolderInUseError extends Error {}

const lockSchema = z.object({
  pid: z.number().int().positive(),
  kind: z.enum(["server", "command"]),
  port: z.number().int().min(1).max(65535).optional(),
  token: z.string().min(32).optional(),
  startedAt: z.string(),
});
export type DataFolderLock = z.infer<typeof lockSchema>;

// On globalThis: Next's bundled copy of this module and the custom server's are one process.
type Held = { file?: string };
const held = ((globalThis as { __dataFolderLock?: Held }).__dataFolderLock ??= {});

export function lockFile(): string {
  return path.resolve(getEnv().DATA_DIR, "owner.lock");
}

export function newAdminToken(): string {
  return randomBytes(32).toString("base64url");
}

export function readLock(file = lockFile()): DataFolderLock | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = lockSchema.safeParse(JSON.parse(text));
    // An unreadable lock (a crash mid-write) protects nothing: treat it as stale.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  if (pid === process.pid) return false; // our own pid in a lock we do not hold: left by a previous run (a container restart)
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/** Whether the site that wrote the lock answers on its admin endpoint (any HTTP answer counts). */
export async function siteAnswers(lock: DataFolderLock, timeoutMs = 3000): Promise<boolean> {
  if (!lock.port) return false;
  try {
    await fetch(`http://127.0.0.1:${lock.port}/health`, { headers: { authorization: `Bearer ${lock.token ?? ""}` }, signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

/** The live owner of the data folder other than this process, or null (a stale lock is removed). */
export async function liveOwner(file = lockFile()): Promise<DataFolderLock | null> {
  if (held.file === file) return null;
  const lock = readLock(file);
  if (lock && pidAlive(lock.pid) && (lock.kind === "command" || (await siteAnswers(lock)))) return lock;
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
  return null;
}

function inUse(lock: DataFolderLock): DataFolderInUseError {
  return new DataFolderInUseError(lock.kind === "server" ? SITE_RUNNING : `another command (pid ${lock.pid}) is using this data folder; wait for it to finish`);
}

/** Takes the data folder for this process, or throws DataFolderInUseError naming who has it. */
export async function claimDataFolder(info: { kind: "server" | "command"; port?: number; token?: string }): Promise<void> {
  const file = lockFile();
  if (held.file === file) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const body = JSON.stringify({ pid: process.pid, ...info, startedAt: new Date().toISOString() } satisfies DataFolderLock);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // "wx": created only if absent, so two processes racing for the folder cannot both win.
      const fd = openSync(file, "wx", 0o600);
      try {
        writeSync(fd, body);
      } finally {
        closeSync(fd);
      }
      held.file = file;
      process.once("exit", releaseDataFolder);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const owner = await liveOwner(file);
      if (owner) throw inUse(owner);
    }
  }
  throw new DataFolderInUseError(`could not take ${file}; another process keeps creating it`);
}

export function releaseDataFolder(): void {
  const file = held.file;
  if (!file) return;
  held.file = undefined;
  try {
    if (readLock(file)?.pid === process.pid) unlinkSync(file);
  } catch {
    // already gone
  }
}
