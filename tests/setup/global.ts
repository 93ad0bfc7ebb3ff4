// Vitest global setup: a real PostgreSQL for the integration and e2e suites. Uses TEST_DATABASE_URL
// when given (CI's or scripts/test-all.ts's server), otherwise starts a throwaway server itself.
// Migrates one template database; tests clone it (CREATE DATABASE ... TEMPLATE) for isolation.
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/lib/throwaway-postgres";
import { pgRunner } from "../../lib/db/sql-runner";
import { applyMigrations } from "../../lib/db/migrations";
import { TEMPLATE_DB, withDatabase } from "./db-url";

let server: ThrowawayPostgres | undefined;

export async function setup(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) {
    server = await startThrowawayPostgres();
    process.env.TEST_DATABASE_URL = server.url;
  }
  const admin = await pgRunner(process.env.TEST_DATABASE_URL);
  try {
    await admin.exec(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE "${TEMPLATE_DB}"`);
  } finally {
    await admin.close();
  }
  const template = await pgRunner(withDatabase(process.env.TEST_DATABASE_URL, TEMPLATE_DB));
  try {
    await applyMigrations(template);
  } finally {
    await template.close();
  }
}

export async function teardown(): Promise<void> {
  server?.stop();
}
