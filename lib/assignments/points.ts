// Points of a question as stored in the database: declared points, or for code questions the sum
// of their tests' points (asked of the grader's test loader).
import type { PointsOf } from "@/lib/assignments/sync";

export const questionPoints: PointsOf = async (_assignment, q) => {
  if ("points" in q) return q.points;
  return 0; // TODO(grader): sum of test points once grader/ exposes its test loader
};
