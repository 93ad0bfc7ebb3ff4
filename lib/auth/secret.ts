// NEXTAUTH_SECRET: taken from the environment, or in embedded mode generated once and kept in
// DATA_DIR/nextauth-secret so sessions survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

export function ensureAuthSecret(): string {
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  // Production with DATABASE_URL and no secret never gets here: getEnv() refuses it (lib/env.ts).
  const file = path.resolve(env.DATA_DIR, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  const secret = readFileSync(file, "utf8").trim();
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}
