// A fresh database per test file (or per test), cloned from the migrated template, and pointed to
// by DATABASE_URL so lib/ code under test uses it through the one Prisma client.
import { randomBytes } from "node:crypto";
import { pgRunner } from "@/lib/db/sql-runner";
import { closeDb, getDb } from "@/lib/db";
import { TEMPLATE_DB, withDatabase } from "../../setup/db-url";

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run through vitest (tests/setup/global.ts) or npm test");
  return url;
}

/** Creates an empty, migrated database and returns its URL. */
export async function cloneTemplate(): Promise<string> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = await pgRunner(adminUrl());
  try {
    await admin.exec(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  } finally {
    await admin.close();
  }
  return withDatabase(adminUrl(), name);
}

/** Points the app's database client at a fresh clone; returns the client. */
export async function useFreshDatabase() {
  await closeDb();
  process.env.DATABASE_URL = await cloneTemplate();
  const { resetEnvCache } = await import("@/lib/env");
  resetEnvCache();
  return getDb();
}
