// Runs the student's buildNet on instances and verifies each net with the trusted forward pass.
import type { Student, TestOutcome } from "../../../grader/testing";
import type { Instance } from "./instances";
import { minMargin, netDepth, netProblem, type LNNet } from "./verifier";

export const MARGIN = 1e-6;
export const MS_PER_INSTANCE = 1000;

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
  const t0 = performance.now();
  const net = await student.call("buildNet", inst.points, inst.labels);
  const ms = performance.now() - t0;
  if (ms > MS_PER_INSTANCE) return `${inst.name}: buildNet took ${Math.round(ms)} ms; the limit is ${MS_PER_INSTANCE} ms`;
  const problem = netProblem(net, { inputDim: 2 });
  if (problem !== null) return `${inst.name}: ${problem}`;
  const m = minMargin(net as LNNet, inst.points, inst.labels);
  if (!(m >= MARGIN)) return `${inst.name}: the smallest label·score is ${m}; it must be at least ${MARGIN}`;
  return netDepth(net as LNNet);
}

/** The fraction of instances solved (a student error on one instance only loses that instance),
 * recording the total depth of the solving nets for the leaderboard (lower is better). */
export async function fractionSolved(student: Student, instances: Instance[]): Promise<TestOutcome> {
  let ok = 0;
  let depth = 0;
  for (const inst of instances) {
    try {
      const verdict = await checkInstance(student, inst);
      if (verdict.problem === null) {
        ok++;
        depth += verdict.depth;
      }
    } catch (e) {
      const kind = (e as { kind?: unknown }).kind;
      if (kind === "timeout" || kind === "memory") throw e;
    }
  }
  return { fraction: ok / instances.length, record: { depth, solved: ok } };
}
