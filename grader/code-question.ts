// Reads what the grader needs about one code question from assignments/<slug>/assignment.yaml.
// Deliberately lenient (only these fields); the full schema lives with the assignment sync in lib/.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MEMORY_MB = 64;

const CodeQuestionYaml = z.object({
  id: z.string().min(1),
  type: z.literal("code"),
  starter: z.string().optional(),
  solution: z.string().optional(),
  types: z.string().optional(),
  tests: z.object({ visible: z.string().optional(), hidden: z.string().optional() }).optional(),
  timeoutMs: z.number().int().positive().max(120_000).optional(),
  memoryMb: z.number().int().min(8).max(1024).optional(),
});

const AssignmentYaml = z.looseObject({
  questions: z.array(z.looseObject({ id: z.string(), type: z.string() })).default([]),
});

export interface CodeQuestion {
  assignmentDir: string;
  id: string;
  starterPath?: string;
  solutionPath?: string;
  typesPath?: string;
  /** Absolute paths of the test files, visible first. */
  visibleTests: string[];
  hiddenTests: string[];
  timeoutMs: number;
  memoryMb: number;
}

const cache = new Map<string, { mtimeMs: number; questions: CodeQuestion[] }>();

function inside(dir: string, rel: string, what: string): string {
  const abs = path.resolve(dir, rel);
  if (abs !== dir && !abs.startsWith(dir + path.sep)) throw new Error(`${what} "${rel}" is outside the assignment folder`);
  return abs;
}

export function loadCodeQuestions(assignmentDir: string): CodeQuestion[] {
  const dir = path.resolve(assignmentDir);
  const file = path.join(dir, "assignment.yaml");
  const mtimeMs = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.questions;
  const doc = AssignmentYaml.parse(parse(readFileSync(file, "utf8")));
  const questions: CodeQuestion[] = [];
  for (const raw of doc.questions) {
    if (raw.type !== "code") continue;
    const q = CodeQuestionYaml.parse(raw);
    const opt = (rel: string | undefined, what: string) => (rel === undefined ? undefined : inside(dir, rel, what));
    const cq: CodeQuestion = {
      assignmentDir: dir,
      id: q.id,
      visibleTests: q.tests?.visible ? [inside(dir, q.tests.visible, "tests.visible")] : [],
      hiddenTests: q.tests?.hidden ? [inside(dir, q.tests.hidden, "tests.hidden")] : [],
      timeoutMs: q.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      memoryMb: q.memoryMb ?? DEFAULT_MEMORY_MB,
    };
    const starter = opt(q.starter, "starter");
    const solution = opt(q.solution, "solution");
    const types = opt(q.types, "types");
    if (starter) cq.starterPath = starter;
    if (solution) cq.solutionPath = solution;
    if (types) cq.typesPath = types;
    questions.push(cq);
  }
  cache.set(file, { mtimeMs, questions });
  return questions;
}

/** The code question `questionId`, or the assignment's only code question when omitted. */
export function loadCodeQuestion(assignmentDir: string, questionId?: string): CodeQuestion {
  const qs = loadCodeQuestions(assignmentDir);
  if (questionId !== undefined) {
    const q = qs.find((x) => x.id === questionId);
    if (!q) throw new Error(`no code question "${questionId}" in ${assignmentDir} (code questions: ${qs.map((x) => x.id).join(", ") || "none"})`);
    return q;
  }
  if (qs.length !== 1) {
    throw new Error(`${assignmentDir} has ${qs.length} code questions (${qs.map((x) => x.id).join(", ")}); pass a question id`);
  }
  return qs[0]!;
}
