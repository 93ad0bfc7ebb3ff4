// schema.prisma and the SQL migrations must describe the same database: apply the migrations to an
// empty database, then compare every model, column type, nullability, enum and unique key.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { cloneTemplate } from "./lib/test-db";
import { MAX_JOB_ATTEMPTS } from "@/lib/queue/jobs";

// Prisma cannot express CHECK constraints, so they are listed here: the migrations must create
// exactly these (a new one is added to this list on purpose, not by accident).
const CHECKS = [
  "Assignment_latePenalty_check",
  "Course_lateDays_check",
  "Enrollment_lateDays_check",
  "GradeOverride_score_check",
  "Grading_score_check",
  "LateDaySpend_days_check",
  "ManualGrading_score_check",
  "Question_points_check",
  "TestResult_score_check",
];

type Field = { name: string; type: string; optional: boolean; list: boolean; attrs: string };
type Model = { name: string; fields: Field[]; blockAttrs: string[] };

function parseSchema(text: string) {
  const models: Model[] = [];
  const enums = new Map<string, string[]>();
  const blocks = text.replace(/\/\/.*$/gm, "").matchAll(/\b(model|enum)\s+(\w+)\s*\{([^}]*)\}/g);
  for (const [, kind, name, body] of blocks) {
    const lines = body!
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    if (kind === "enum") {
      enums.set(name!, lines);
      continue;
    }
    const fields: Field[] = [];
    const blockAttrs: string[] = [];
    for (const line of lines) {
      if (line.startsWith("@@")) {
        blockAttrs.push(line);
        continue;
      }
      const m = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (m) fields.push({ name: m[1]!, type: m[2]!, list: Boolean(m[3]), optional: Boolean(m[4]), attrs: m[5] ?? "" });
    }
    models.push({ name: name!, fields, blockAttrs });
  }
  return { models, enums };
}

const schema = parseSchema(readFileSync("prisma/schema.prisma", "utf8"));
const modelNames = new Set(schema.models.map((m) => m.name));
const SCALAR_SQL: Record<string, string> = {
  String: "text",
  Int: "integer",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
};

let db: SqlRunner;
type Column = { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string };
let columns: Column[];

beforeAll(async () => {
  db = await pgRunner(await cloneTemplate());
  columns = await db.query<Column>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
  );
});
afterAll(async () => db?.close());

describe("the migrations match schema.prisma", () => {
  it("creates exactly one table per model (plus _prisma_migrations)", async () => {
    const tables = new Set(columns.map((c) => c.table_name));
    tables.delete("_prisma_migrations");
    expect([...tables].sort()).toEqual([...modelNames].sort());
  });

  for (const model of schema.models) {
    it(`table ${model.name} has every scalar field with the right type and nullability`, () => {
      const scalars = model.fields.filter((f) => !modelNames.has(f.type));
      const actual = columns.filter((c) => c.table_name === model.name);
      expect(actual.map((c) => c.column_name).sort()).toEqual(scalars.map((f) => f.name).sort());
      for (const f of scalars) {
        const col = actual.find((c) => c.column_name === f.name)!;
        const expectedType = schema.enums.has(f.type) ? f.type : SCALAR_SQL[f.type];
        const actualType = col.data_type === "USER-DEFINED" ? col.udt_name : col.data_type;
        expect(`${f.name}: ${actualType}`).toBe(`${f.name}: ${expectedType}`);
        expect(`${f.name} nullable: ${col.is_nullable}`).toBe(`${f.name} nullable: ${f.optional ? "YES" : "NO"}`);
      }
    });
  }

  it("creates every enum with the same values in the same order", async () => {
    const rows = await db.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    expect(actual).toEqual(Object.fromEntries(schema.enums));
  });

  it("has a unique index for every @unique and @@unique", async () => {
    const rows = await db.query<{ table: string; cols: string[] }>(`
      SELECT t.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS cols
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE i.indisunique AND NOT i.indisprimary AND n.nspname = 'public'
      GROUP BY i.indexrelid, t.relname`);
    const actual = rows.map((r) => `${r.table}(${r.cols.join(",")})`).sort();
    const expected: string[] = [];
    for (const m of schema.models) {
      for (const f of m.fields) if (/@unique\b/.test(f.attrs)) expected.push(`${m.name}(${f.name})`);
      for (const a of m.blockAttrs) {
        const u = /^@@unique\(\[([^\]]+)\]/.exec(a);
        if (u)
          expected.push(
            `${m.name}(${u[1]!
              .split(",")
              .map((s) => s.trim())
              .join(",")})`,
          );
      }
    }
    expect(actual.filter((x) => !x.startsWith("_prisma"))).toEqual(expected.sort());
  });

  it("has a foreign key for every relation with fields", async () => {
    const rows = await db.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE contype = 'f'`);
    const actual = rows.map((r) => r.conname).sort();
    const expected: string[] = [];
    for (const m of schema.models) {
      for (const f of m.fields) {
        const rel = /@relation\([^)]*fields:\s*\[([^\]]+)\]/.exec(f.attrs);
        if (rel)
          expected.push(
            `${m.name}_${rel[1]!
              .split(",")
              .map((s) => s.trim())
              .join("_")}_fkey`,
          );
      }
    }
    expect(actual).toEqual(expected.sort());
  });

  it("creates exactly the CHECK constraints the grading rules rely on", async () => {
    const rows = await db.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'c' AND n.nspname = 'public'`,
    );
    expect(rows.map((r) => r.conname).sort()).toEqual([...CHECKS].sort());
  });

  it("gives GradingJob.maxAttempts the code's MAX_JOB_ATTEMPTS as its default, in the schema and the database", async () => {
    const [col] = await db.query<{ column_default: string }>(
      `SELECT column_default FROM information_schema.columns WHERE table_name = 'GradingJob' AND column_name = 'maxAttempts'`,
    );
    expect(col!.column_default).toBe(String(MAX_JOB_ATTEMPTS));
    const field = schema.models.find((m) => m.name === "GradingJob")!.fields.find((f) => f.name === "maxAttempts")!;
    expect(field.attrs).toContain(`@default(${MAX_JOB_ATTEMPTS})`);
  });
});
