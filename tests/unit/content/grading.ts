// Shared by the content tests: grade an assignment's reference, starter and wrong-solution
// fixtures through the real grader pool and sandbox.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCodeQuestion } from "@/grader/code-question";
import { createGraderPool, type GraderPool } from "@/grader/pool";

export const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Declares the standard grading checks for one code question of assignments/<slug>. */
export function describeGrading(slug: string, questionId?: string): void {
  const dir = path.join(ROOT, "assignments", slug);
  const fixturesDir = path.join(ROOT, "tests/fixtures", slug);
  const fixtures = readdirSync(fixturesDir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  // tests/fixtures/<slug>/good/: unusual but correct solutions, which must not lose a point
  // (assignments:check grades them too).
  const correctDir = path.join(fixturesDir, "good");
  const correct = existsSync(correctDir)
    ? readdirSync(correctDir)
        .filter((f) => f.endsWith(".ts"))
        .sort()
    : [];
  let pool: GraderPool;
  const grade = (file: string) =>
    pool.grade({ assignmentDir: dir, question: readCodeQuestion(dir, questionId), source: readFileSync(file, "utf8"), include: "all" });

  describe(`${slug}: grading`, () => {
    beforeAll(() => {
      pool = createGraderPool({ size: 2 });
    });
    afterAll(async () => {
      await pool.close();
    });

    it("the reference solution scores full marks", async () => {
      const r = await grade(path.join(dir, "solution.ts"));
      expect(r.status).toBe("graded");
      expect(r.tests.filter((t) => t.score < t.maxScore)).toEqual([]);
      expect(r.score).toBe(r.maxScore);
      expect(r.maxScore).toBeGreaterThan(0);
    });

    it("the starter compiles and scores less than full marks", async () => {
      const r = await grade(path.join(dir, "starter.ts"));
      expect(r.status).toBe("graded");
      expect(r.score).toBeLessThan(r.maxScore);
    });

    it("has at least three wrong-solution fixtures", () => {
      expect(fixtures.length).toBeGreaterThanOrEqual(3);
    });

    it.each(fixtures)("the wrong solution %s loses points", async (f) => {
      const r = await grade(path.join(fixturesDir, f));
      expect(r.status).toBe("graded");
      expect(r.score).toBeLessThan(r.maxScore);
    });

    if (correct.length > 0) {
      it.each(correct)("the unusual correct solution %s scores full marks", async (f) => {
        const r = await grade(path.join(correctDir, f));
        expect(r.status).toBe("graded");
        expect(r.tests.filter((t) => t.score < t.maxScore)).toEqual([]);
      });
    }
  });
}
