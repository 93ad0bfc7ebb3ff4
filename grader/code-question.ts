// Reads one code question's grading settings from assignments/<slug>/assignment.yaml, for the
// grading CLI and the grader's own tests and benchmarks (the site passes the spec it validated when
// it synced the assignment). The grading fields are checked with the site's own zod shape
// (question-spec.ts), so a question the site would refuse is refused here too.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { codeGradingShape, type CodeQuestionSettings } from "./question-spec";

// Titles, prompts and the rest belong to the site's schema; only the grading fields are read here.
const codeQuestionYaml = z.looseObject({ id: z.string().min(1), type: z.literal("code"), ...codeGradingShape });
const assignmentYaml = z.looseObject({
  questions: z.array(z.looseObject({ id: z.string(), type: z.string() })).default([]),
});

/** Every code question of the assignment folder, validated. */
export function readCodeQuestions(assignmentDir: string): CodeQuestionSettings[] {
  const file = path.join(path.resolve(assignmentDir), "assignment.yaml");
  const doc = assignmentYaml.safeParse(parse(readFileSync(file, "utf8")));
  if (!doc.success) throw new Error(`${file}: ${z.prettifyError(doc.error)}`);
  return doc.data.questions.flatMap((raw, i) => {
    if (raw.type !== "code") return [];
    const q = codeQuestionYaml.safeParse(raw);
    if (!q.success) throw new Error(`${file}, questions.${i} ("${raw.id}"): ${z.prettifyError(q.error)}`);
    return [q.data];
  });
}

/** The code question `questionId`, or the assignment's only code question when omitted. */
export function readCodeQuestion(assignmentDir: string, questionId?: string): CodeQuestionSettings {
  const qs = readCodeQuestions(assignmentDir);
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
