// The assignment as a given student sees it (their numeric parameters and option order come from
// a seed: an enrolled student's email picks that student's, any other text is a seed of its own),
// with what staff also need: expected answers, correct options, the tests' names and points, and
// the checker's verdict with the reference and starter graded live.
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { QuestionSpec } from "@/lib/assignments/schema";
import { publicQuestion, type PublicQuestion, type VersionContent } from "@/lib/assignments/public-view";
import { materializeVersion } from "@/lib/assignments/materialize";
import { checkAssignment, type QuestionCheck } from "@/lib/assignments/check";
import { fillPlaceholders, formatNumber, renderMarkdown } from "@/lib/markdown";
import { numericAnswer, numericParams } from "@/lib/question-types/numeric";
import { shuffledOptionIds } from "@/lib/question-types/multiple-choice";
import type { GradeReport } from "@/grader/report";
import type { GraderPool } from "@/grader/pool";

export type TestInfo = { name: string; points: number; visibility: string };
export type PreviewQuestion = {
  view: PublicQuestion;
  numeric?: { promptHtml: string; params: Record<string, unknown>; expected: string };
  choice?: { order: { id: string; text: string; correct: boolean }[] };
  tests?: TestInfo[];
  testsError?: string;
};

/** The seed key "student" of a preview: an enrolled user's id when the text is their email. */
export async function previewStudent(db: PrismaClient, courseId: string, seed: string): Promise<{ key: string; label: string }> {
  const user = seed.includes("@") ? await db.user.findFirst({ where: { email: seed.toLowerCase(), enrollments: { some: { courseId } } }, select: { id: true, name: true } }) : null;
  return user ? { key: user.id, label: `${user.name} <${seed.toLowerCase()}>` } : { key: seed, label: `seed "${seed}"` };
}

export async function previewQuestions(content: VersionContent, dir: string, courseSlug: string, assignmentSlug: string, points: Map<string, number>, student: string): Promise<PreviewQuestion[]> {
  const out: PreviewQuestion[] = [];
  for (const q of content.spec.questions as QuestionSpec[]) {
    const view = publicQuestion(content, q, points.get(q.id) ?? 0, "en");
    const key = { course: courseSlug, assignment: assignmentSlug, question: q.id, student };
    const item: PreviewQuestion = { view };
    try {
      if (q.type === "numeric") {
        const params = numericParams(content.files, q, key);
        const src = view.type === "numeric" ? (view.promptSource ?? "") : "";
        item.numeric = { promptHtml: renderMarkdown(fillPlaceholders(src, params)), params, expected: formatNumber(numericAnswer(content.files, q, params)) };
      } else if (q.type === "multiple-choice") {
        const byId = new Map(q.options.map((o) => [o.id, o]));
        item.choice = { order: shuffledOptionIds(q, key).map((id) => ({ id, text: byId.get(id)!.text, correct: byId.get(id)!.correct })) };
      } else if (q.type === "code") {
        const { loadTests } = await import("@/grader/test-loader");
        const files = [q.tests.visible, q.tests.hidden].filter((f): f is string => Boolean(f)).map((f) => path.join(dir, f));
        item.tests = (await loadTests(files)).map((t) => ({ name: t.name, points: t.points, visibility: t.visibility }));
      }
    } catch (error) {
      item.testsError = error instanceof Error ? error.message : String(error);
    }
    out.push(item);
  }
  return out;
}

export type CheckReport = { ok: boolean; questions: (QuestionCheck & { reference?: GradeReport; starter?: GradeReport })[] };

/** Runs the assignment checker on this version, grading reference and starter in a pool of its own (closed afterwards). */
export async function checkVersion(slug: string, hash: string, content: VersionContent): Promise<CheckReport> {
  const dir = materializeVersion(slug, hash, content.files);
  const { createGraderPool } = await import("@/grader/pool");
  let pool: GraderPool | undefined;
  const reports: { questionId?: string; source: string; report: GradeReport }[] = [];
  try {
    const recording = async (): Promise<GraderPool> => {
      pool ??= createGraderPool({ size: 1 });
      const inner = pool;
      return {
        size: inner.size,
        replaced: inner.replaced,
        close: () => inner.close(),
        grade: async (req) => {
          const report = await inner.grade(req);
          reports.push({ questionId: req.questionId, source: req.source, report });
          return report;
        },
      };
    };
    const result = await checkAssignment({ slug, dir, ok: true, assignment: { slug, dir, spec: content.spec, files: content.files, hash } }, recording);
    const questions = result.questions.map((qc) => {
      const spec = content.spec.questions.find((q) => q.id === qc.id);
      if (spec?.type !== "code") return qc;
      const find = (file: string) => reports.find((r) => r.questionId === qc.id && r.source === content.files[file])?.report;
      const reference = find(spec.solution);
      const starter = find(spec.starter);
      return { ...qc, ...(reference ? { reference } : {}), ...(starter ? { starter } : {}) };
    });
    return { ok: result.ok, questions };
  } finally {
    await pool?.close();
  }
}
