// Child process of runGraderTask (lib/staff/grader-task-client.ts): reads {task, slug, hash,
// content} on stdin, materializes the version, and prints JSON — "tests": each code question's
// tests (name, points, visibility); "check": the assignment checker with reference and starter
// graded in a one-process pool, plus those reports.
import { readFileSync } from "node:fs";
import path from "node:path";
import { materializeVersion } from "@/lib/assignments/materialize";
import { checkAssignment } from "@/lib/assignments/check";
import { loadTests } from "@/grader/test-loader";
import { createGraderPool, type GraderPool } from "@/grader/pool";
import type { GradeReport } from "@/grader/report";
import type { CheckReport, GraderTask, TestInfo } from "@/lib/staff/grader-task-client";

async function listTests(t: GraderTask, dir: string) {
  const tests: Record<string, TestInfo[]> = {};
  for (const q of t.content.spec.questions) {
    if (q.type !== "code") continue;
    const files = [q.tests.visible, q.tests.hidden].filter((f): f is string => Boolean(f)).map((f) => path.join(dir, f));
    tests[q.id] = (await loadTests(files)).map((x) => ({ name: x.name, points: x.points, visibility: x.visibility }));
  }
  return { tests };
}

async function check(t: GraderTask, dir: string): Promise<CheckReport> {
  const { slug, hash, content } = t;
  let pool: GraderPool | undefined;
  const reports: { questionId?: string | undefined; source: string; report: GradeReport }[] = [];
  const recording = async (): Promise<GraderPool> => {
    const inner = (pool ??= createGraderPool({ size: 1 }));
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
  try {
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

const task = JSON.parse(readFileSync(0, "utf8")) as GraderTask;
const dir = materializeVersion(task.slug, task.hash, task.content.files);
const answer = task.task === "tests" ? await listTests(task, dir) : await check(task, dir);
process.stdout.write(JSON.stringify(answer));
process.exit(0);
