// A minimal "run this SQL" interface over both database modes, for the migration runner and tests
// that need statements Prisma does not issue (multi-statement scripts, advisory locks).
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";

export interface SqlRunner {
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function pgRunner(connectionString: string): Promise<SqlRunner> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    close: () => client.end(),
  };
}

/** Wraps an open PGlite; close() leaves it open (its owner closes it). */
export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    exec: async (sql) => void (await db.exec(sql)),
    query: async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[],
    close: async () => {},
  };
}
