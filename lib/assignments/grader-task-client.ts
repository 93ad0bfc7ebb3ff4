// Runs lib/assignments/grader-task.ts in a child Node process (tsx) and returns its JSON answer. The
// child loads the assignment's tests and a grader pool from the files on disk, which the bundled
// web server cannot; it gets the version's content on stdin, so it opens no database (the
// embedded PGlite allows one opener). Test listings are cached per content hash.
import { spawn } from "node:child_process";
import path from "node:path";
import type { VersionContent } from "@/lib/assignments/version-content";
import type { QuestionCheck } from "@/lib/assignments/check";

export type TestInfo = { name: string; points: number; visibility: string };
export type CheckReport = { ok: boolean; questions: QuestionCheck[] };
export type GraderTask = { task: "tests" | "check"; slug: string; hash: string; content: VersionContent };
type Answer<T extends GraderTask> = T["task"] extends "tests" ? { tests: Record<string, TestInfo[]> } : CheckReport;

const testCache = new Map<string, { tests: Record<string, TestInfo[]> }>();
const TIMEOUT_MS = 120_000;

export async function runGraderTask<T extends GraderTask>(task: T): Promise<Answer<T>> {
  if (task.task === "tests" && testCache.has(task.hash)) return testCache.get(task.hash) as Answer<T>;
  const script = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "assignments", "grader-task.ts");
  const answer = await new Promise<Answer<T>>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: process.cwd(), stdio: ["pipe", "pipe", "pipe"], env: process.env });
    let out = "";
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        console.error(`grader task ${task.task} for ${task.slug} failed (exit ${code}):\n${err}`);
        return reject(
          new Error(`The grader could not run the ${task.task === "check" ? "checker" : "test loader"} for ${task.slug}; the server log has the details.`),
        );
      }
      try {
        resolve(JSON.parse(out) as Answer<T>);
      } catch {
        reject(new Error("The grader's answer was not readable; the server log has the details."));
      }
    });
    child.stdin.end(JSON.stringify(task));
  });
  if (task.task === "tests") testCache.set(task.hash, answer as { tests: Record<string, TestInfo[]> });
  return answer;
}
