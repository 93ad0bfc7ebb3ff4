// The grader alone, for bench:queue's efficiency: the same mix of submissions (correct, wrong,
// looping) of the same question with the same grading deadline, graded by a pool of as many
// sandbox processes as the queue's workers have in all, as fast as it can, with no database.
import path from "node:path";
import { readCodeQuestion } from "@/grader";
import { createGraderPool } from "@/grader";

export async function graderAloneThroughput(o: {
  root: string;
  sandboxes: number;
  gradingTimeoutMs: number;
  submissions: { kind: string; code: string }[];
}): Promise<{ perS: number; fullMarks: number }> {
  const assignmentDir = path.join(o.root, "assignments/layernorm");
  const question = { ...readCodeQuestion(assignmentDir), timeoutMs: o.gradingTimeoutMs };
  const pool = createGraderPool({ size: o.sandboxes });
  try {
    const grade = (source: string) => pool.grade({ assignmentDir, question, source, include: "all" });
    const warm = o.submissions.find((s) => s.kind === "correct")!.code;
    await Promise.all(Array.from({ length: 4 * o.sandboxes }, () => grade(warm)));
    const t0 = performance.now();
    const reports = await Promise.all(o.submissions.map((s) => grade(s.code)));
    const elapsed = performance.now() - t0;
    return { perS: (o.submissions.length / elapsed) * 1000, fullMarks: reports.filter((r) => r.score === r.maxScore).length };
  } finally {
    await pool.close();
  }
}
