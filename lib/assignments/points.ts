// Points of a question as stored in the database: declared points, or for code questions the sum
// of their tests' points (read by the grader's own test loader, so the two never disagree).
import path from "node:path";
import type { PointsOf } from "@/lib/assignments/sync";
import { loadTests } from "@/grader";

export const questionPoints: PointsOf = async (assignment, q) => {
  if (q.type !== "code") return q.points;
  const files = [q.tests.visible, q.tests.hidden].filter((f): f is string => Boolean(f)).map((f) => path.join(assignment.dir, f));
  const tests = await loadTests(files);
  return tests.reduce((sum, t) => sum + t.points, 0);
};
