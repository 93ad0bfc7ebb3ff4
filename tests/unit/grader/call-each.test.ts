// Student.callEach in the real sandbox: many calls of one export in one crossing, each settled on
// its own, with the arguments copied per case, one size cap and one (multiplied) time limit.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCodeQuestion } from "@/grader/code-question";
import { createGraderPool, type GraderPool } from "@/grader/pool";

const dir = path.resolve(import.meta.dirname, "../../fixtures/grader-call-each");
let pool: GraderPool;
beforeAll(() => {
  pool = createGraderPool({ size: 1 });
});
afterAll(async () => {
  await pool.close();
});

describe("callEach", () => {
  for (const callMode of ["async", "sync"] as const) {
    it(`behaves as documented (${callMode} calls)`, async () => {
      const modePool = callMode === "sync" ? pool : createGraderPool({ size: 1, callMode });
      try {
        const r = await modePool.grade({
          assignmentDir: dir,
          question: readCodeQuestion(dir),
          source: readFileSync(path.join(dir, "solution.ts"), "utf8"),
          include: "all",
          callTimeoutMs: 200,
        });
        const status = Object.fromEntries(r.tests.map((t) => [t.name, `${t.status}${t.message ? `: ${t.message}` : ""}`]));
        expect(status).toEqual({
          "each case settles on its own": "passed",
          "every case gets its own copy of the arguments": "passed",
          "an empty batch is free and a missing export rejects every case": "passed",
          "more than 1000 argument lists are refused": "passed",
          "a batch shares one result size cap": "passed",
          "a loop in one case times the batch out": "timeout: Your code did not finish in time.",
          "the sandbox still answers after the timed-out batch": "passed",
          "arguments arrive as sent: skipped ones take their default, NaN and ±Infinity survive deep inside": "passed",
        });
      } finally {
        if (modePool !== pool) await modePool.close();
      }
    });
  }
});
