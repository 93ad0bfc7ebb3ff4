// `prisma generate` offline: the CLI wants a schema-engine binary path even though generate never
// runs it, so point it at any existing file (see STACK-NOTES). Runs after npm install.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const r = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
if (r.status !== 0) process.exit(r.status ?? 1);
