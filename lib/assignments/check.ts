// Proves assignments sound before students see them: the schema, then per question type — code:
// the reference solution scores full marks and the starter less (through the real grader);
// numeric: generate is deterministic for a seed and answers are finite; multiple-choice: a correct
// option exists (exactly one for single-answer); proof: the rubric can reach the points. With a
// fixtures folder, a code question's wrong solutions must lose points and its good (alternative
// correct) solutions must score full marks, so a test change that rejects a correct approach or
// lets a known mistake through fails here rather than in front of students.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { GradeReport, GraderPool } from "@/grader";
import { createRng, seedFrom } from "@/grader/bundle-safe";
import type { LoadResult, LoadedAssignment, Problem } from "@/lib/assignments/load";
import type { QuestionSpec } from "@/lib/assignments/schema";
import { numericGenerator } from "@/lib/question-types/numeric";

/** `reference`/`starter`: a code question's two gradings, for the staff preview page to show. */
export type QuestionCheck = { id: string; type: string; ok: boolean; detail: string; reference?: GradeReport; starter?: GradeReport };
export type AssignmentCheck = { slug: string; ok: boolean; problems: Problem[]; questions: QuestionCheck[] };

export type CheckOptions = {
  /** Root of solution fixtures: <root>/<slug>/*.ts are wrong solutions, <root>/<slug>/good/*.ts
   * correct alternatives (<root>/<slug>/<question id>/... when an assignment has several code
   * questions). Unset: no fixtures are graded (the staff preview has none). */
  fixturesDir?: string;
};

async function tsFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith(".ts"))
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/** Grades the question's fixtures; returns what went wrong and how many were graded. */
async function checkFixtures(dir: string, grade: (source: string) => Promise<GradeReport>): Promise<{ problems: string[]; wrong: number; good: number }> {
  const wrong = await tsFiles(dir);
  const good = await tsFiles(path.join(dir, "good"));
  const problems: string[] = [];
  const reports = await Promise.all([...wrong, ...good].map(async (f) => ({ f, r: await grade(await readFile(f, "utf8")) })));
  for (const { f, r } of reports) {
    const name = path.basename(f);
    if (good.includes(f)) {
      if (r.status !== "graded" || r.score < r.maxScore) {
        const failing = r.tests.filter((t) => t.score < t.maxScore).map((t) => `${t.name} (${t.status})`);
        problems.push(
          `the good solution good/${name} scores ${r.score}/${r.maxScore} (${r.status})${failing.length ? `; failing: ${failing.slice(0, 3).join("; ")}` : ""}`,
        );
      }
    } else if (r.status === "graded" && r.score >= r.maxScore) {
      problems.push(`the wrong solution ${name} scores full marks (${r.score}/${r.maxScore}): no test catches it`);
    }
  }
  return { problems, wrong: wrong.length, good: good.length };
}

async function checkCode(
  a: LoadedAssignment,
  q: Extract<QuestionSpec, { type: "code" }>,
  pool: GraderPool,
  fixtures: string | undefined,
): Promise<QuestionCheck> {
  const grade = (source: string) => pool.grade({ assignmentDir: a.dir, question: q, source, include: "all" });
  const ref = await grade(a.files[q.solution]!);
  const starter = await grade(a.files[q.starter]!);
  const problems: string[] = [];
  if (ref.maxScore <= 0) problems.push("its tests award no points");
  if (ref.status !== "graded" || ref.score < ref.maxScore) {
    const failing = ref.tests.filter((t) => t.score < t.maxScore).map((t) => `${t.name} (${t.status}${t.message ? `: ${t.message}` : ""})`);
    problems.push(
      `the reference solution scores ${ref.score}/${ref.maxScore} (${ref.status})${failing.length ? `; failing: ${failing.slice(0, 5).join("; ")}` : ""}`,
    );
  }
  if (starter.score >= starter.maxScore) problems.push(`the starter already scores full marks (${starter.score}/${starter.maxScore})`);
  let graded = "";
  if (fixtures) {
    const f = await checkFixtures(fixtures, grade);
    problems.push(...f.problems);
    if (f.wrong + f.good) graded = `, ${f.wrong} wrong and ${f.good} good fixtures`;
  }
  const detail = `reference ${ref.score}/${ref.maxScore}, starter ${starter.score}/${starter.maxScore}${graded}${problems.length ? ` — ${problems.join("; ")}` : ""}`;
  return { id: q.id, type: q.type, ok: problems.length === 0, detail, reference: ref, starter };
}

function checkNumeric(a: LoadedAssignment, q: Extract<QuestionSpec, { type: "numeric" }>): QuestionCheck {
  try {
    const gen = numericGenerator(a.files, q);
    for (let i = 0; i < 20; i++) {
      const seed = seedFrom("check", a.slug, q.id, String(i));
      const p1 = gen.generate(createRng(seed));
      const p2 = gen.generate(createRng(seed));
      if (JSON.stringify(p1) !== JSON.stringify(p2))
        return { id: q.id, type: q.type, ok: false, detail: `generate(rng) is not deterministic for a seed: ${JSON.stringify(p1)} vs ${JSON.stringify(p2)}` };
      const answer = gen.answer(p1);
      if (typeof answer !== "number" || !Number.isFinite(answer))
        return { id: q.id, type: q.type, ok: false, detail: `answer(${JSON.stringify(p1)}) is ${answer}, not a finite number` };
    }
    return { id: q.id, type: q.type, ok: true, detail: "deterministic, finite answers for 20 seeds" };
  } catch (error) {
    return { id: q.id, type: q.type, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

function checkChoice(q: Extract<QuestionSpec, { type: "multiple-choice" }>): QuestionCheck {
  const correct = q.options.filter((o) => o.correct).length;
  if (correct === 0) return { id: q.id, type: q.type, ok: false, detail: "no option is marked correct" };
  if (!q.multiple && correct > 1)
    return { id: q.id, type: q.type, ok: false, detail: `${correct} options are marked correct in a single-answer question (set multiple: true?)` };
  const ids = new Set(q.options.map((o) => o.id));
  if (ids.size !== q.options.length) return { id: q.id, type: q.type, ok: false, detail: "two options share an id" };
  return { id: q.id, type: q.type, ok: true, detail: `${q.options.length} options, ${correct} correct` };
}

function checkProof(q: Extract<QuestionSpec, { type: "proof" }>): QuestionCheck {
  const positive = q.rubric.filter((r) => r.points > 0).reduce((s, r) => s + r.points, 0);
  if (positive < q.points)
    return { id: q.id, type: q.type, ok: false, detail: `the positive rubric items add up to ${positive}, less than the question's ${q.points} points` };
  return { id: q.id, type: q.type, ok: true, detail: `${q.rubric.length} rubric items` };
}

export async function checkAssignment(r: LoadResult, pool: () => Promise<GraderPool>, options: CheckOptions = {}): Promise<AssignmentCheck> {
  if (!r.ok) return { slug: r.slug, ok: false, problems: r.problems, questions: [] };
  const questions: QuestionCheck[] = [];
  const codeQuestions = r.assignment.spec.questions.filter((q) => q.type === "code").length;
  const fixturesOf = (id: string) => {
    if (!options.fixturesDir) return undefined;
    const dir = path.join(options.fixturesDir, r.slug);
    return codeQuestions > 1 ? path.join(dir, id) : dir;
  };
  for (const q of r.assignment.spec.questions) {
    if (q.type === "code") questions.push(await checkCode(r.assignment, q, await pool(), fixturesOf(q.id)));
    else if (q.type === "numeric") questions.push(checkNumeric(r.assignment, q));
    else if (q.type === "multiple-choice") questions.push(checkChoice(q));
    else questions.push(checkProof(q));
  }
  return { slug: r.slug, ok: questions.every((q) => q.ok), problems: [], questions };
}

export function formatCheck(c: AssignmentCheck): string {
  const lines = [`${c.ok ? "ok  " : "FAIL"} ${c.slug}`];
  for (const p of c.problems) lines.push(`       ${p.file}${p.path ? ` at ${p.path}` : ""}: ${p.message}`);
  for (const q of c.questions) lines.push(`     ${q.ok ? "✓" : "✗"} ${q.id} (${q.type}): ${q.detail}`);
  return lines.join("\n");
}
