// The queue's hot statements (submit, claim, complete) sent straight to node-postgres, on the pool
// Prisma's adapter uses too, as named prepared statements. Through Prisma every raw statement costs
// its query engine's work on top of the driver's (measured on this machine: 500 µs of Node CPU per
// statement against 145 µs through pg directly) and is parsed and planned by PostgreSQL every time;
// a named statement is parsed and planned once per connection. A deadline burst makes several of
// these per submission, so they are most of the queue's cost next to the grading itself. On the
// embedded database (PGlite) there is no such pool and the statements go through Prisma as before.
// Results must not carry `timestamp` columns (node-postgres reads them as local time): select
// epoch milliseconds instead, as these statements do.
import type pg from "pg";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// On globalThis like the client itself (lib/db/index.ts): Next's bundled route code has its own
// copy of this module, and must find the pool of the client the custom server made.
const pools = ((globalThis as { __coursePgPools?: WeakMap<object, pg.Pool> }).__coursePgPools ??= new WeakMap<object, pg.Pool>());

/** Registers the node-postgres pool under a Prisma client's adapter (lib/db/index.ts). */
export function attachDirectPool(client: PrismaClient, pool: pg.Pool): void {
  pools.set(client, pool);
}

function directPool(db: PrismaClient | Prisma.TransactionClient): pg.Pool | null {
  return pools.get(db) ?? null;
}

/** One statement: `sql` with $1… bound to `args`; `name` identifies it as a prepared statement (same name, same text). */
export type Run = <T>(name: string, sql: string, args: unknown[]) => Promise<T[]>;

function viaPrisma(db: PrismaClient | Prisma.TransactionClient): Run {
  return <T>(_name: string, sql: string, args: unknown[]) => db.$queryRawUnsafe<T[]>(sql, ...args);
}

function viaClient(c: pg.Pool | pg.PoolClient): Run {
  return async <T>(name: string, text: string, values: unknown[]) => (await c.query({ name, text, values })).rows as T[];
}

/** Runs statements on `db`: through its pg pool when it has one, else through Prisma. */
export function runner(db: PrismaClient | Prisma.TransactionClient): Run {
  const pool = directPool(db);
  return pool ? viaClient(pool) : viaPrisma(db);
}

/**
 * `body` in one transaction on a connection of `db`'s pg pool, or null when `db` has no pool (the
 * caller then uses Prisma's $transaction). Rolled back when `body` throws.
 */
export async function directTransaction<T>(db: PrismaClient, body: (run: Run) => Promise<T>): Promise<{ value: T } | null> {
  const pool = directPool(db);
  if (!pool) return null;
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    const value = await body(viaClient(client));
    await client.query("COMMIT");
    return { value };
  } catch (error) {
    try {
      await client.query("ROLLBACK");
    } catch {
      broken = true; // the connection is gone (a server restart): the pool must not reuse it
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
