import { createHash } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrations";
import { pgRunner, pgliteRunner } from "@/lib/db/sql-runner";
import { cloneTemplate } from "./lib/test-db";

describe("migration runner", () => {
  it("records applied migrations the way Prisma Migrate does, and a second run applies nothing", async () => {
    const db = await pgRunner(await cloneTemplate());
    try {
      const rows = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      const files = await readMigrations();
      expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
      for (const [i, r] of rows.entries()) {
        expect(r.checksum).toBe(createHash("sha256").update(files[i]!.sql).digest("hex"));
        expect(r.finished_at).toBeInstanceOf(Date);
        expect(r.applied_steps_count).toBe(1);
      }
      expect(await applyMigrations(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it("rolls back a failing migration completely and lets a fixed one apply later", async () => {
    const db = await pgRunner(await cloneTemplate());
    try {
      const bad = { name: "29990101000000_bad", sql: `CREATE TABLE "Half" (id int); SELECT no_such_function();`, checksum: "x" };
      await expect(applyMigrations(db, [bad])).rejects.toThrow(/29990101000000_bad failed/);
      expect(await db.query(`SELECT to_regclass('"Half"') AS t`)).toEqual([{ t: null }]);
      const good = { ...bad, sql: `CREATE TABLE "Half" (id int);` };
      expect(await applyMigrations(db, [good])).toEqual(["29990101000000_bad"]);
    } finally {
      await db.close();
    }
  });

  it("applies the same migrations to embedded PGlite", async () => {
    const lite = await PGlite.create();
    try {
      const applied = await applyMigrations(pgliteRunner(lite));
      expect(applied).toEqual((await readMigrations()).map((m) => m.name));
      const tables = await lite.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(tables.rows[0]!.n).toBeGreaterThan(15);
    } finally {
      await lite.close();
    }
  });
});
