// The assignment as a given student sees it (their numeric parameters and option order come from
// a seed: an enrolled student's email picks that student's, any other text is a seed of its own),
// with what staff also need: expected answers, correct options, the tests' names and points, and
// the checker's verdict with the reference and starter graded live. Anything that needs the
// grader's files (tests, sandbox) runs in a child process (lib/assignments/grader-task.ts): the bundled
// web server cannot locate grader/ on disk.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { QuestionSpec } from "@/lib/assignments/schema";
import { publicQuestion, type Locale, type PublicQuestion } from "@/lib/assignments/public-view";
import type { VersionContent } from "@/lib/assignments/version-content";
import { fillPlaceholders, formatNumber, renderMarkdown } from "@/lib/assignments/markdown.shared";
import { numericAnswer, numericParams } from "@/lib/question-types/numeric";
import { shuffledOptionIds } from "@/lib/question-types/multiple-choice";
import { runGraderTask, type TestInfo } from "@/lib/assignments/grader-task-client";

export type { TestInfo };
export type PreviewQuestion = {
  view: PublicQuestion;
  numeric?: { promptHtml: string; params: Record<string, unknown>; expected: string };
  choice?: { order: { id: string; text: string; correct: boolean }[] };
  tests?: TestInfo[];
  testsError?: string;
};

/** The seed key "student" of a preview: an enrolled user's id when the text is their email. */
export async function previewStudent(db: PrismaClient, termId: string, seed: string): Promise<{ key: string; label: string }> {
  const user = seed.includes("@")
    ? await db.user.findFirst({ where: { email: seed.toLowerCase(), enrollments: { some: { termId } } }, select: { id: true, name: true } })
    : null;
  return user ? { key: user.id, label: `${user.name} <${seed.toLowerCase()}>` } : { key: seed, label: `seed "${seed}"` };
}

export async function previewQuestions(
  content: VersionContent,
  hash: string,
  slug: string,
  courseSlug: string,
  assignmentSlug: string,
  points: Map<string, number>,
  student: string,
  locale: Locale = "en",
): Promise<PreviewQuestion[]> {
  const out: PreviewQuestion[] = [];
  const hasCode = content.spec.questions.some((q) => q.type === "code");
  const tests = hasCode ? await runGraderTask({ task: "tests", slug, hash, content }).catch((e: unknown) => e as Error) : null;
  for (const q of content.spec.questions as QuestionSpec[]) {
    const view = publicQuestion(content, q, points.get(q.id) ?? 0, locale);
    const key = { course: courseSlug, assignment: assignmentSlug, question: q.id, student };
    const item: PreviewQuestion = { view };
    try {
      if (q.type === "numeric") {
        const params = numericParams(content.files, q, key);
        const src = view.type === "numeric" ? (view.promptSource ?? "") : "";
        item.numeric = { promptHtml: renderMarkdown(fillPlaceholders(src, params)), params, expected: formatNumber(numericAnswer(content.files, q, params)) };
      } else if (q.type === "multiple-choice") {
        const byId = new Map(q.options.map((o) => [o.id, o]));
        const textOf = (o: (typeof q.options)[number]) => (locale === "zh" && o.text_zh ? o.text_zh : o.text);
        item.choice = { order: shuffledOptionIds(q, key).map((id) => ({ id, text: textOf(byId.get(id)!), correct: byId.get(id)!.correct })) };
      } else if (q.type === "code") {
        if (tests instanceof Error) throw tests;
        item.tests = (tests as { tests: Record<string, TestInfo[]> } | null)?.tests[q.id] ?? [];
      }
    } catch (error) {
      item.testsError = error instanceof Error ? error.message : String(error);
    }
    out.push(item);
  }
  return out;
}

export async function checkVersion(slug: string, hash: string, content: VersionContent) {
  return runGraderTask({ task: "check", slug, hash, content });
}
