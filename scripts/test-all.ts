// npm test — everything, on a fresh machine: typecheck, lint and format check, the assignment checker, then every
// vitest suite (unit, security, integration, e2e) against a throwaway PostgreSQL 15 started here
// unless TEST_DATABASE_URL is given. Ends with one "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./lib/throwaway-postgres";
import { buildIfNeeded } from "./lib/build-if-needed";

const bin = (name: string) => path.resolve("node_modules/.bin", name);

function step(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  const ok = r.status === 0;
  console.log(`=== ${title}: ${ok ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s) ===`);
  return ok;
}

const failures: string[] = [];
const extraArgs = process.argv.slice(2);

if (!step("typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit"])) failures.push("typecheck");
// The same two checks as `npm run lint`: eslint (rules and import boundaries), then the formatter.
if (!step("lint (eslint)", bin("eslint"), ["."])) failures.push("lint");
if (!step("format (prettier --check)", bin("prettier"), ["--check", "."])) failures.push("format");
if (existsSync("scripts/assignments-check.ts") && !step("assignments:check", bin("tsx"), ["scripts/assignments-check.ts"])) failures.push("assignments:check");

let pg: ThrowawayPostgres | undefined;
const env = { ...process.env };
delete env.DATABASE_URL; // the suites make their own databases; never touch a configured one
if (!env.TEST_DATABASE_URL) {
  pg = await startThrowawayPostgres();
  env.TEST_DATABASE_URL = pg.url;
  console.log(`\nThrowaway PostgreSQL on port ${pg.port}`);
}
let passed = 0;
let failed = 0;
try {
  console.log("\n=== build (for the e2e suite) ===");
  buildIfNeeded();
  mkdirSync("tests/output", { recursive: true });
  const report = "tests/output/vitest.json";
  if (
    !step(
      "vitest (unit, security, integration, e2e)",
      bin("vitest"),
      ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...extraArgs],
      env,
    )
  )
    failures.push("vitest");
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number };
    passed = json.numPassedTests;
    failed = json.numFailedTests;
  }
} finally {
  pg?.stop();
}

console.log(failures.length ? `\nFailed steps: ${failures.join(", ")}` : "\nAll steps passed.");
console.log(`${passed} passed, ${failed + failures.filter((f) => f !== "vitest").length} failed`);
process.exit(failures.length ? 1 : 0);
