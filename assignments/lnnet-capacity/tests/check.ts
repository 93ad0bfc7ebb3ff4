// Runs the student's buildNet on instances and verifies each net with the trusted forward pass.
import { fail, type Student, type TestOutcome } from "../../../grader/testing";
import type { Instance } from "./instances";
import { minMargin, netDepth, netProblem, type LNNet } from "./verifier";

export const MARGIN = 1e-6;

/** Why the student's net fails this instance, or null when it classifies every point. */
export async function instanceProblem(student: Student, inst: Instance): Promise<string | null> {
  return (await checkInstance(student, inst)).problem;
}

/** The verdict on one instance and, when solved, the depth (hidden layers) of the student's net. */
export async function checkInstance(student: Student, inst: Instance): Promise<{ problem: string | null; depth: number }> {
  const problem = await instanceVerdict(student, inst);
  return typeof problem === "number" ? { problem: null, depth: problem } : { problem, depth: 0 };
}

async function instanceVerdict(student: Student, inst: Instance): Promise<string | number> {
  // No per-instance clock: the statement gives one total budget, and the grading's deadline
  // (twice that budget) and per-call limit are the only cut-offs, so a loaded machine costs nothing.
  const net = await student.call("buildNet", inst.points, inst.labels);
  const problem = netProblem(net, { inputDim: 2 });
  if (problem !== null) return `${inst.name}: ${problem}`;
  const m = minMargin(net as LNNet, inst.points, inst.labels);
  if (!(m >= MARGIN)) return `${inst.name}: the smallest label·score is ${m}; it must be at least ${MARGIN}`;
  return netDepth(net as LNNet);
}

/** One instance as one test: solved or not, recording the net's depth for the leaderboard. A
 * timeout or error here costs this instance only (each instance is its own test). */
export async function solvedOne(student: Student, inst: Instance): Promise<TestOutcome> {
  const verdict = await checkInstance(student, inst);
  if (verdict.problem !== null) fail(verdict.problem);
  return { fraction: 1, record: { depth: verdict.depth, solved: 1 } };
}
