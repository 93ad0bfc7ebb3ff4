// Starts a private PostgreSQL server for tests and benchmarks: initdb in a fresh temp folder owned by
// the postgres user (the server refuses to run as root), trust auth on loopback, a free port.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * `stop` is synchronous (it also runs in exit handlers); `crash`, `start` and `restart` run pg_ctl
 * without blocking the event loop, so a test's or benchmark's own traffic keeps flowing meanwhile.
 */
export type ThrowawayPostgres = {
  url: string;
  port: number;
  dir: string;
  stop(): void;
  crash(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
};

function pgBin(name: string): string {
  for (const v of ["17", "16", "15", "14"]) {
    const p = `/usr/lib/postgresql/${v}/bin/${name}`;
    if (existsSync(p)) return p;
  }
  return name; // hope it is on PATH
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

function asPostgres(args: string[]): string[] {
  // As root, run the server binaries as the postgres user; otherwise as ourselves.
  return process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", ...args] : args;
}

function run(args: string[]): void {
  const [cmd, ...rest] = asPostgres(args);
  const r = spawnSync(cmd!, rest, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr || r.stdout}`);
}

function runAsync(args: string[]): Promise<void> {
  const [cmd, ...rest] = asPostgres(args);
  return new Promise((resolve, reject) => {
    const p = spawn(cmd!, rest, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    p.stderr!.on("data", (d) => (err += d));
    p.on("error", reject);
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}: ${err}`))));
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "course-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const data = path.join(dir, "data");
  run([pgBin("initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const startArgs = [
    pgBin("pg_ctl"),
    "-D",
    data,
    "-w",
    "-t",
    "60",
    "-l",
    path.join(dir, "log"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`,
    "start",
  ];
  const stop = (mode = "fast") => run([pgBin("pg_ctl"), "-D", data, "-w", "-m", mode, "stop"]);
  run(startArgs);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    crash: () => runAsync([pgBin("pg_ctl"), "-D", data, "-w", "-m", "immediate", "stop"]),
    start: () => runAsync(startArgs),
    // pg_ctl restart reuses the server's options from postmaster.opts: same port, same settings.
    restart: () => runAsync([pgBin("pg_ctl"), "restart", "-D", data, "-m", "immediate", "-w", "-t", "60"]),
    stop() {
      try {
        stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
