// What an admin sees when start-up cannot proceed: one line naming the setting, exit code 1.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function run(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stderr: r.stderr.trim() };
}

describe("start-up errors", () => {
  it("a database that is down gives one line naming DATABASE_URL and exit code 1", () => {
    const { code, stderr } = run({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(code).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^Cannot connect to the database at DATABASE_URL \(127\.0\.0\.1:1\/none\)/);
  });
  it("a malformed setting is named, with exit code 1", () => {
    const { code, stderr } = run({ DATABASE_URL: "mysql://x", PORT: "http" });
    expect(code).toBe(1);
    expect(stderr).toContain("Setting DATABASE_URL must be a postgres:// or postgresql:// connection URL");
    expect(stderr).toContain("Setting PORT");
  });
});
