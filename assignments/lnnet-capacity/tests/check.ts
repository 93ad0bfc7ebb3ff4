// Runs the student's buildNet on instances and verifies each net with the trusted forward pass.
import type { Student } from "../../../grader/testing";
import type { Instance } from "./instances";
import { minMargin, netProblem, type LNNet } from "./verifier";

export const MARGIN = 1e-6;
export const MS_PER_INSTANCE = 1000;

/** Why the student's net fails this instance, or null when it classifies every point. */
export async function instanceProblem(student: Student, inst: Instance): Promise<string | null> {
  const t0 = performance.now();
  const net = await student.call("buildNet", inst.points, inst.labels);
  const ms = performance.now() - t0;
  if (ms > MS_PER_INSTANCE) return `${inst.name}: buildNet took ${Math.round(ms)} ms; the limit is ${MS_PER_INSTANCE} ms`;
  const problem = netProblem(net, { inputDim: 2 });
  if (problem !== null) return `${inst.name}: ${problem}`;
  const m = minMargin(net as LNNet, inst.points, inst.labels);
  if (!(m >= MARGIN)) return `${inst.name}: the smallest label·score is ${m}; it must be at least ${MARGIN}`;
  return null;
}

/** The fraction of instances solved (a student error on one instance only loses that instance). */
export async function fractionSolved(student: Student, instances: Instance[]): Promise<number> {
  let ok = 0;
  for (const inst of instances) {
    try {
      if ((await instanceProblem(student, inst)) === null) ok++;
    } catch (e) {
      const kind = (e as { kind?: unknown }).kind;
      if (kind === "timeout" || kind === "memory") throw e;
    }
  }
  return ok / instances.length;
}
