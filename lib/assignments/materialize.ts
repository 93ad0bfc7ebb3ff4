// Grading uses the exact assignment version a submission answers, not whatever is on disk now:
// the version's files (stored in the database) are written once per content hash under
// DATA_DIR/versions/<hash>/assignments/<slug>/, beside a link to grader/ so that the tests'
// relative imports (../../../grader/testing) resolve as they do in the repository.
import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

const GRADER_DIR = path.resolve(import.meta.dirname, "../../grader");

export function materializeVersion(slug: string, hash: string, files: Record<string, string>, root = path.resolve(getEnv().DATA_DIR, "versions")): string {
  const base = path.join(root, hash.slice(0, 24));
  const dir = path.join(base, "assignments", slug);
  if (existsSync(path.join(dir, ".complete"))) return dir;
  if (existsSync(base)) rmSync(base, { recursive: true, force: true }); // left half-written by a crash
  const tmp = `${base}.${process.pid}.${Date.now()}.tmp`;
  const tmpDir = path.join(tmp, "assignments", slug);
  for (const [rel, text] of Object.entries(files)) {
    const target = path.resolve(tmpDir, rel);
    if (!target.startsWith(tmpDir + path.sep)) throw new Error(`refusing to write ${rel} outside the version folder`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  writeFileSync(path.join(tmpDir, ".complete"), hash);
  symlinkSync(GRADER_DIR, path.join(tmp, "grader"), "dir");
  try {
    renameSync(tmp, base);
  } catch (error) {
    // Another worker on this machine got there first; theirs is identical.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(path.join(dir, ".complete"))) throw error;
  }
  return dir;
}
