// What an admin sees when start-up cannot proceed: one line naming the setting, exit code 1.
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
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
  it("a port already in use is named with what to do, exit code 1", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      // The port is taken before anything else (no build, no database needed to see this).
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--no-build"], {
        env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "" },
      });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      const code = await new Promise<number | null>((r) => child.on("exit", r));
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `Port ${port} is already in use (127.0.0.1:${port}): another \`npm start\` may be running. Stop it, or choose another port with PORT=...`,
      );
    } finally {
      blocker.close();
    }
  }, 120_000);
  it("a malformed setting is named, with exit code 1", () => {
    const { code, stderr } = run({ DATABASE_URL: "mysql://x", PORT: "http" });
    expect(code).toBe(1);
    expect(stderr).toContain("Setting DATABASE_URL must be a postgres:// or postgresql:// connection URL");
    expect(stderr).toContain("Setting PORT");
  });
});
