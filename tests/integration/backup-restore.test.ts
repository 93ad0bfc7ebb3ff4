// The README's backup procedure, proven: pg_dump (custom format) of a database with graded work,
// pg_restore into an empty database, and the gradebook export (Canvas and long CSV) and every
// table's rows come out identical.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { exportGrades } from "@/lib/export/gradebook-csv";
import { pgRunner } from "@/lib/db/sql-runner";
import { adminUrl, useFreshDatabase } from "./lib/test-db";
import { seedStaffCourse } from "./lib/staff-fixture";
import { withDatabase } from "../setup/db-url";

const pgTool = (name: string) => ["17", "16", "15", "14"].map((v) => `/usr/lib/postgresql/${v}/bin/${name}`).find((p) => existsSync(p)) ?? name;
const dir = mkdtempSync(path.join(os.tmpdir(), "course-backup-"));
const restoredName = `restored_${process.pid}_${Date.now()}`;

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(" ")} failed (${r.status}):\n${r.stderr || r.stdout}`);
}

/** Every public table's row count and a digest of its rows, in a stable order. */
async function tableDigests(url: string): Promise<Record<string, string>> {
  const db = await pgRunner(url);
  try {
    const tables = await db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const [row] = await db.query<{ n: number; h: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(x::text, E'\\n' ORDER BY x::text)) AS h FROM "${t}" x`,
      );
      out[t] = `${row!.n} rows, ${row!.h ?? "-"}`;
    }
    return out;
  } finally {
    await db.close();
  }
}

afterAll(async () => {
  await closeDb();
  const admin = await pgRunner(adminUrl());
  await admin.exec(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`).finally(() => admin.close());
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore with pg_dump / pg_restore", () => {
  it("a dump restored into an empty database gives an identical gradebook export", async () => {
    await useFreshDatabase();
    const { course, term } = await seedStaffCourse();
    const sourceUrl = process.env.DATABASE_URL!;
    const db = await getDb();
    expect(await db.grading.count()).toBeGreaterThan(5);
    const before = {
      canvas: await exportGrades(db, { termId: term.id, format: "canvas" }),
      long: await exportGrades(db, { termId: term.id, format: "long" }),
    };
    const digestsBefore = await tableDigests(sourceUrl);

    const dump = path.join(dir, "course.dump");
    run(pgTool("pg_dump"), ["--format=custom", "--file", dump, "--dbname", sourceUrl]);
    expect(statSync(dump).size).toBeGreaterThan(1000);

    const admin = await pgRunner(adminUrl());
    await admin.exec(`CREATE DATABASE "${restoredName}"`).finally(() => admin.close());
    const restoredUrl = withDatabase(adminUrl(), restoredName);
    run(pgTool("pg_restore"), ["--no-owner", "--exit-on-error", "--dbname", restoredUrl, dump]);

    // The app, pointed at the restored database, exports the same gradebook.
    await closeDb();
    process.env.DATABASE_URL = restoredUrl;
    resetEnvCache();
    const restored = await getDb();
    expect(await restored.course.findUnique({ where: { id: course.id } })).not.toBeNull();
    expect(await exportGrades(restored, { termId: term.id, format: "canvas" })).toBe(before.canvas);
    expect(await exportGrades(restored, { termId: term.id, format: "long" })).toBe(before.long);
    expect(await tableDigests(restoredUrl)).toEqual(digestsBefore);
    expect(Object.keys(digestsBefore)).toContain("_prisma_migrations");
  });
});
