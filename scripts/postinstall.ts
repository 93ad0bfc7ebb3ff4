// Runs after npm install/ci: generates the Prisma client (offline-safe) and copies Monaco's AMD
// build into public/monaco/vs so the editor is served by this site (no CDN; works offline and
// under a strict Content-Security-Policy).
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import "./generate";

const src = path.resolve("node_modules/monaco-editor/min/vs");
const dest = path.resolve("public/monaco/vs");
const version = JSON.parse(readFileSync("node_modules/monaco-editor/package.json", "utf8")).version as string;
const stamp = path.resolve("public/monaco/VERSION");
if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== version) {
  cpSync(src, dest, { recursive: true });
  writeFileSync(stamp, version);
  console.log(`Copied Monaco ${version} to public/monaco/vs`);
}
