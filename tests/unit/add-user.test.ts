// The first instructor of a real deployment: npm run user:add creates the account, enrolls it, and
// prints a one-time password; bad arguments say what to fix.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function run(args: string[], dataDir: string) {
  // The embedded database: an empty DATABASE_URL counts as unset (lib/env.ts).
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" };
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/add-user.ts", ...args], { env, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe("npm run user:add", () => {
  it("creates an instructor in a fresh embedded database and prints the password once", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "add-user-"));
    try {
      const ok = run(["--email", "Prof@Uni.edu", "--name", "Prof. Lin", "--role", "instructor"], path.join(dir, "data"));
      expect(ok.out).toMatch(/^prof@uni\.edu is instructor of ml-theory \(2026-autumn\)\. Password \(shown once\): \S{12,}$/m);
      expect(ok.code).toBe(0);
      const bad = run(["--email", "nope", "--role", "boss"], path.join(dir, "data"));
      expect(bad.code).toBe(2);
      expect(bad.out).toContain("--email must be an email address");
      expect(bad.out).toContain("--role must be student, ta or instructor");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
