// Reads one assignment folder: parses and validates assignment.yaml, checks that every file it
// names exists, and hashes the whole folder. Problems are collected (file, field path, message)
// rather than thrown, so one bad assignment never hides the report for the others.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { assignmentSchema, type AssignmentSpec } from "@/lib/assignments/schema";

export type Problem = { file: string; path: string; message: string };

export type LoadedAssignment = {
  slug: string;
  dir: string;
  spec: AssignmentSpec;
  /** Every text file of the folder by relative path ("/" separators). */
  files: Record<string, string>;
  /** sha256 over all files: the version identity. */
  hash: string;
};

export type LoadResult = { slug: string; dir: string; ok: true; assignment: LoadedAssignment } | { slug: string; dir: string; ok: false; problems: Problem[] };

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

export function hashFiles(files: Record<string, string>): string {
  const h = createHash("sha256");
  for (const rel of Object.keys(files).sort()) h.update(rel).update("\0").update(files[rel]!).update("\0");
  return h.digest("hex");
}

/** Files named by the spec, per question, for existence checks. */
export function referencedFiles(spec: AssignmentSpec): { path: string; field: string }[] {
  const refs: { path: string; field: string }[] = [];
  if (spec.statement) refs.push({ path: spec.statement, field: "statement" });
  spec.questions.forEach((q, i) => {
    const at = (f: string) => `questions.${i}.${f}`;
    if (q.prompt) refs.push({ path: q.prompt, field: at("prompt") });
    if (q.type === "code") {
      refs.push({ path: q.starter, field: at("starter") }, { path: q.solution, field: at("solution") });
      if (q.types) refs.push({ path: q.types, field: at("types") });
      if (q.tests.visible) refs.push({ path: q.tests.visible, field: at("tests.visible") });
      if (q.tests.hidden) refs.push({ path: q.tests.hidden, field: at("tests.hidden") });
    }
    if (q.type === "numeric") refs.push({ path: q.generator, field: at("generator") });
  });
  return refs;
}

export async function loadAssignment(dir: string): Promise<LoadResult> {
  const slug = path.basename(dir);
  const problems: Problem[] = [];
  const fail = () => ({ slug, dir, ok: false as const, problems });
  if (!SLUG.test(slug)) problems.push({ file: slug, path: "", message: "folder name must be lowercase letters, digits and dashes" });

  const files: Record<string, string> = {};
  for (const rel of await listFiles(dir)) {
    const size = (await stat(path.join(dir, rel))).size;
    if (size > MAX_FILE_BYTES) {
      problems.push({ file: `${slug}/${rel}`, path: "", message: `file is ${Math.round(size / 1024)} KB; assignment files must be under 2 MB` });
      continue;
    }
    files[rel] = await readFile(path.join(dir, rel), "utf8");
  }
  const yamlText = files["assignment.yaml"];
  if (yamlText === undefined) {
    problems.push({ file: `${slug}/assignment.yaml`, path: "", message: "missing: every assignment folder needs an assignment.yaml" });
    return fail();
  }
  const doc = parseDocument(yamlText, { prettyErrors: true });
  if (doc.errors.length) {
    for (const e of doc.errors) problems.push({ file: `${slug}/assignment.yaml`, path: "", message: `YAML syntax: ${e.message.split("\n")[0]}` });
    return fail();
  }
  const parsed = assignmentSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file: `${slug}/assignment.yaml`, path: issue.path.join("."), message: issue.message });
    }
    return fail();
  }
  for (const ref of referencedFiles(parsed.data)) {
    if (files[ref.path] === undefined) {
      problems.push({ file: `${slug}/assignment.yaml`, path: ref.field, message: `file "${ref.path}" does not exist in the assignment folder` });
    }
  }
  if (problems.length) return fail();
  return { slug, dir, ok: true, assignment: { slug, dir, spec: parsed.data, files, hash: hashFiles(files) } };
}

/** A course folder's per-term date overrides (terms/<term>.yaml) live here; it is not an assignment. */
export const TERMS_DIR = "terms";

/** Loads every assignment folder under root (folders only; README, schema.json, course.yaml and terms/ are skipped). */
export async function loadAllAssignments(root: string, only?: string[]): Promise<LoadResult[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const dirs = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== TERMS_DIR)
    .map((e) => e.name)
    .filter((name) => !only?.length || only.includes(name))
    .sort();
  return Promise.all(dirs.map((name) => loadAssignment(path.join(root, name))));
}
