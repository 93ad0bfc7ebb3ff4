// `npm start` on a fresh clone must just work: build the site when there is no build, or when the
// sources changed since the last one (fingerprint of app/, components/, lib/ and config files).
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "messages", "i18n", "next.config.ts", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

function walk(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  const s = statSync(p);
  if (s.isDirectory()) {
    if (path.basename(p) === "generated") return;
    for (const name of readdirSync(p).sort()) walk(path.join(p, name), out);
  } else out.push(`${p}:${s.size}:${s.mtimeMs}`);
}

export function sourceFingerprint(root = process.cwd()): string {
  const parts: string[] = [];
  for (const s of SOURCES) walk(path.join(root, s), parts);
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

export function buildIfNeeded(root = process.cwd()): void {
  const stamp = path.join(root, ".next", "source-fingerprint");
  const fingerprint = sourceFingerprint(root);
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) return;
  console.log("Building the site (first start or changed sources; about a minute)...");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) {
    console.error("The site failed to build; see the errors above.");
    process.exit(1);
  }
  writeFileSync(stamp, fingerprint);
}
