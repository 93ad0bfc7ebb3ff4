// Child process of runGraderTask (lib/assignments/grader-task-client.ts): reads {task, slug, hash,
// content} on stdin, materializes the version, and prints JSON — "tests": each code question's
// tests (name, points, visibility); "check": the assignment checker, which grades reference and
// starter in a one-process pool and keeps those reports.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { materializeVersion } from "@/lib/assignments/materialize";
import { parseVersionContent } from "@/lib/assignments/version-content";
import { checkAssignment } from "@/lib/assignments/check";
import { createGraderPool, loadTests, type GraderPool } from "@/grader";
import type { CheckReport, GraderTask, TestInfo } from "@/lib/assignments/grader-task-client";

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
  try {
    const result = await checkAssignment(
      { slug, dir, ok: true, assignment: { slug, dir, spec: content.spec, files: content.files, hash } },
      async () => (pool ??= createGraderPool({ size: 1 })),
    );
    return { ok: result.ok, questions: result.questions };
  } finally {
    await pool?.close();
  }
}

// The content went through JSON on the way here (dates as strings): parsed again, like a stored row.
const sent = z
  .object({ task: z.enum(["tests", "check"]), slug: z.string(), hash: z.string(), content: z.unknown() })
  .parse(JSON.parse(readFileSync(0, "utf8")));
const task: GraderTask = { ...sent, content: parseVersionContent(sent.content, `version ${sent.hash.slice(0, 12)} of "${sent.slug}"`) };
const dir = materializeVersion(task.slug, task.hash, task.content.files);
const answer = task.task === "tests" ? await listTests(task, dir) : await check(task, dir);
process.stdout.write(JSON.stringify(answer));
process.exit(0);
