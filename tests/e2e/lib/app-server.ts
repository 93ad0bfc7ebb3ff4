// Starts the built site (scripts/start.ts --no-build) on a free loopback port against a fresh clone
// of the migrated template database, with the demo course seeded and a known demo password.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort } from "../../../scripts/lib/throwaway-postgres";
import { cloneTemplate } from "../../integration/lib/test-db";

export const DEMO_PASSWORD = "e2e-demo-password";

export type AppServer = { baseUrl: string; databaseUrl: string; stop(): Promise<void>; logs(): string };

export async function startApp(extraEnv: Record<string, string> = {}): Promise<AppServer> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` (npm test does it) before the e2e suite");
  const port = await freePort();
  const databaseUrl = await cloneTemplate();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--no-build"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      SEED_DEMO: "1",
      DEMO_PASSWORD,
      NODE_ENV: "test",
      EMBEDDED_WORKER: "1",
      GRADER_POOL_SIZE: "1",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`site did not start in 90 s:\n${output}`)), 90_000);
    const check = () => {
      if (output.includes("Course site ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`site exited with ${code}:\n${output}`));
    });
  });
  return {
    baseUrl,
    databaseUrl,
    logs: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
