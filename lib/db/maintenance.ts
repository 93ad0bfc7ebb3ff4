// Opening the configured database for maintenance work (migrate, seed) and turning connection
// failures into the one-line message an admin can act on.
import { getEnv } from "@/lib/env";
import { openPglite } from "@/lib/db";
import { pgliteRunner, pgRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { applyMigrations } from "@/lib/db/migrations";

export class DatabaseUnavailableError extends Error {}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return describe(error.errors[0]);
  if (error instanceof Error) return (error as { code?: string }).code ? `${(error as { code?: string }).code}: ${error.message}` : error.message;
  return String(error);
}

export async function openSqlRunner(): Promise<SqlRunner> {
  const env = getEnv();
  if (!env.DATABASE_URL) return pgliteRunner(await openPglite());
  try {
    return await pgRunner(env.DATABASE_URL);
  } catch (error) {
    const url = new URL(env.DATABASE_URL);
    throw new DatabaseUnavailableError(
      `Cannot connect to the database at DATABASE_URL (${url.hostname}:${url.port || 5432}${url.pathname}): ${describe(error)}. Check that PostgreSQL is running and DATABASE_URL is right.`,
    );
  }
}

/** Applies pending migrations to the configured database; returns their names. */
export async function migrateDatabase(): Promise<string[]> {
  const runner = await openSqlRunner();
  try {
    return await applyMigrations(runner);
  } finally {
    await runner.close();
  }
}
