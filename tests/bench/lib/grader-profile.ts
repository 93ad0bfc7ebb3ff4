// The in-process half of `npm run bench:grader -- --profile`: grades the layernorm reference N times
// exactly as a grading child does (gradeJob, then clean-up and the next spare isolate), with the
// phase clock on, and prints one JSON object: each phase's mean ms per grading and calls per grading.
// Runs in its own process with a grading child's V8 flags (CHILD_V8_FLAGS), started by bench/grader.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { readCodeQuestion } from "../../../grader/code-question";
import { gradeJob, type GradeJob } from "../../../grader/grade-job";
import { enablePhaseClock, phaseEnd, phaseStart, takePhaseTotals } from "../../../grader/phase-clock";
import { prepareSpareIsolate } from "../../../grader/sandbox";

const N = Number(process.argv[2] ?? "300");
const callMode = process.argv[3] === "async" ? "async" : "sync";
const dir = path.resolve(import.meta.dirname, "../../../assignments/layernorm");
const q = readCodeQuestion(dir);
const job: GradeJob = {
  visibleTests: q.tests.visible ? [path.join(dir, q.tests.visible)] : [],
  hiddenTests: q.tests.hidden ? [path.join(dir, q.tests.hidden)] : [],
  include: "all",
  source: readFileSync(path.join(dir, "solution.ts"), "utf8"),
  timeoutMs: q.timeoutMs,
  memoryMb: q.memoryMb,
  callMode,
};

async function one(): Promise<void> {
  const t = phaseStart();
  // The child's events (it streams results and reads the output after every test).
  const { report, cleanup } = await gradeJob(job, { onTests: () => {}, onCompiled: () => {}, onResult: () => {}, onOutput: () => {} });
  if (report.score !== report.maxScore) throw new Error("profile: the reference lost points");
  const c = phaseStart();
  // As the child does after sending the report.
  cleanup();
  prepareSpareIsolate(job.memoryMb);
  phaseEnd("(clean-up and the next spare isolate)", c);
  phaseEnd("(whole grading, in-process)", t);
}

for (let i = 0; i < 30; i++) await one(); // warm-up: the tests are bundled once, the JIT settles
enablePhaseClock();
takePhaseTotals();
for (let i = 0; i < N; i++) await one();
const phases = Object.fromEntries([...takePhaseTotals()].map(([k, v]) => [k, { ms: v.ms / N, perGrading: v.count / N }]));
console.log(JSON.stringify({ n: N, callMode, phases }));
