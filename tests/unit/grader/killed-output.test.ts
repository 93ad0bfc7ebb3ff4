// A grading the pool kills at its deadline keeps what the student's code printed before the
// kill: the grading process streams the console output with each batch of results, and the
// pool's own report carries it (the real pool and sandbox).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCodeQuestion } from "@/grader/code-question";
import { createGraderPool, type GraderPool } from "@/grader/pool";

const dir = path.resolve(import.meta.dirname, "../../fixtures/grader-killed-output");
const pools: Record<"sync" | "async", GraderPool | undefined> = { sync: undefined, async: undefined };
beforeAll(() => {
  pools.sync = createGraderPool({ size: 1, killGraceMs: 200, callMode: "sync" });
  pools.async = createGraderPool({ size: 1, killGraceMs: 200, callMode: "async" });
});
afterAll(async () => {
  await Promise.all([pools.sync?.close(), pools.async?.close()]);
});

describe.each(["sync", "async"] as const)("a grading killed at its deadline (%s calls)", (mode) => {
  it("keeps the console output printed before the kill, and the unfinished test says timeout", async () => {
    const pool = pools[mode]!;
    const r = await pool.grade({
      assignmentDir: dir,
      question: readCodeQuestion(dir),
      source: readFileSync(path.join(dir, "solution.ts"), "utf8"),
      include: "all",
    });
    expect(r.status).toBe("graded");
    expect(r.output ?? "").toContain("printed before the loop");
    expect(r.tests.map((t) => [t.name, t.status])).toEqual([
      ["greets", "passed"],
      ["spins", "timeout"],
    ]);
    // Only the pool's own report (the process killed) says this; the sandbox's timeouts say otherwise.
    expect(r.tests[1]!.message).toMatch(/grading deadline \(1500 ms\) passed before this test finished/);
    expect(r.score).toBe(1);
  });
});
