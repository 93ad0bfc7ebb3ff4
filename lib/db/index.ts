// The one Prisma client. DATABASE_URL set: that PostgreSQL server (adapter-pg). Unset: an embedded
// PGlite database in DATA_DIR/pgdata. Kept on globalThis so the custom server, the in-process grader
// worker and Next's bundled route code share one client (PGlite allows one opener per data folder).
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { claimDataFolder, releaseDataFolder } from "@/lib/embedded/lock";
import { attachDirectPool } from "@/lib/db/direct";

type DbHolder = { prisma?: PrismaClient; pglite?: import("@electric-sql/pglite").PGlite; closing?: Promise<void> };
const holder = ((globalThis as { __courseDb?: DbHolder }).__courseDb ??= {});

export function embeddedDataDir(): string {
  return path.resolve(getEnv().DATA_DIR, "pgdata");
}

/** Opens (once) the embedded PGlite database; only used when DATABASE_URL is unset. */
export async function openPglite() {
  if (!holder.pglite) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { mkdirSync } = await import("node:fs");
    // PGlite creates its own folder but not the parents (a fresh DATA_DIR).
    mkdirSync(path.dirname(embeddedDataDir()), { recursive: true });
    // Never behind a running site's back: its lock is taken first (the site took it already).
    await claimDataFolder({ kind: "command" });
    holder.pglite = await PGlite.create(embeddedDataDir());
  }
  return holder.pglite;
}

async function createClient(): Promise<PrismaClient> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    // One pool for Prisma's adapter and the queue's direct statements (lib/db/direct.ts).
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 20, connectionTimeoutMillis: 5_000 });
    // An idle connection the server dropped (a restart): the pool discards it; nothing to do here.
    pool.on("error", () => {});
    const client = new PrismaClient({ adapter: new PrismaPg(pool) });
    attachDirectPool(client, pool);
    return client;
  }
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  return new PrismaClient({ adapter: new PrismaPGlite(await openPglite()) });
}

let pending: Promise<PrismaClient> | undefined;

/** The shared client; created on first use. */
export async function getDb(): Promise<PrismaClient> {
  if (holder.prisma) return holder.prisma;
  pending ??= createClient().then((client) => (holder.prisma = client));
  return pending;
}

export async function closeDb(): Promise<void> {
  const { prisma, pglite } = holder;
  holder.prisma = undefined;
  holder.pglite = undefined;
  pending = undefined;
  await prisma?.$disconnect();
  await pglite?.close();
  if (pglite) releaseDataFolder();
}

export type { PrismaClient };
