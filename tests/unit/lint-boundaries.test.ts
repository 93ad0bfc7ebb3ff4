// The folder boundaries are enforced by `npm run lint`: each snippet is linted with the project's
// real eslint.config.mjs as if it were a file in that folder (an existing file's path, so the
// type-aware rules find it in the TypeScript project), and must fail or pass as the README's
// folder table says.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  // The first lint opens the TypeScript project (tens of seconds on a loaded machine): in the hook, not in a test.
  await eslint.lintText("export {};\n", { filePath: "lib/grades/late.ts" });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const GRADER_FILE = "grader/rng.ts";
const COMPONENT_FILE = "components/local-time.tsx";
const APP_FILE = "app/api/leaderboard/route.ts";
const LIB_FILE = "lib/grades/late.ts";

describe("import boundaries", () => {
  it("refuses grader/ importing lib/ through the alias", async () => {
    const found = await problems(GRADER_FILE, 'import { getDb } from "@/lib/db";\nexport const open = getDb;\n');
    expect(found).toEqual([expect.stringMatching(/no-restricted-imports: .*grader\/ is a pure library/)]);
  });

  it("refuses grader/ importing lib/ through a relative path", async () => {
    const found = await problems(GRADER_FILE, 'import { getEnv } from "../lib/env";\nexport const env = getEnv;\n');
    expect(found).toEqual([expect.stringMatching(/grader\/ is a pure library/)]);
  });

  it("refuses a component importing a server module, and allows client-safe modules and type-only imports", async () => {
    const bad = await problems(COMPONENT_FILE, '"use client";\nimport { getDb } from "@/lib/db";\nexport const open = getDb;\n');
    expect(bad).toEqual([expect.stringMatching(/components\/ may import only client-safe lib modules/)]);
    const prisma = await problems(
      COMPONENT_FILE,
      '"use client";\nimport { PrismaClient } from "@/lib/generated/prisma/client";\nexport const C = PrismaClient;\n',
    );
    expect(prisma).toEqual(expect.arrayContaining([expect.stringMatching(/components\/ never touches the database/)]));
    const good = await problems(
      COMPONENT_FILE,
      '"use client";\nimport { parseNumericAnswer } from "@/lib/question-types/parse-number.shared";\nimport type { SubmissionView } from "@/lib/submissions/views";\nexport const parse = parseNumericAnswer;\nexport type V = SubmissionView;\n',
    );
    expect(good).toEqual([]);
  });

  it("refuses app/ reaching the database around lib/", async () => {
    expect(await problems(APP_FILE, 'import { PrismaClient } from "@/lib/generated/prisma/client";\nexport const C = PrismaClient;\n')).toEqual([
      expect.stringMatching(/app\/ reaches the database only through lib\//),
    ]);
    expect(await problems(APP_FILE, 'import pg from "pg";\nexport const P = pg;\n')).toEqual([
      expect.stringMatching(/app\/ reaches the database only through lib\//),
    ]);
    expect(await problems(APP_FILE, 'import { pgRunner } from "@/lib/db/sql-runner";\nexport const r = pgRunner;\n')).toEqual([
      expect.stringMatching(/migrations, SQL runner/),
    ]);
    expect(await problems(APP_FILE, 'import { getDb } from "@/lib/db";\nexport const open = getDb;\n')).toEqual([]);
  });

  it("refuses lib/ importing grader internals instead of its public entries", async () => {
    expect(await problems(LIB_FILE, 'import { createGraderPool } from "@/grader/pool";\nexport const p = createGraderPool;\n')).toEqual([
      expect.stringMatching(/public entries/),
    ]);
    expect(await problems(LIB_FILE, 'import { createGraderPool } from "@/grader";\nexport const p = createGraderPool;\n')).toEqual([]);
  });
});

describe("type-aware rules", () => {
  it("refuses a promise nobody awaits", async () => {
    const found = await problems(LIB_FILE, "async function save(): Promise<void> {}\nexport function run(): void {\n  save();\n}\n");
    expect(found).toEqual([expect.stringMatching(/no-floating-promises/)]);
  });
});
