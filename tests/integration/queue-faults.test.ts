// The submission pipeline under faults, small: the scenario of `npm run bench:queue` (see
// tests/bench/lib/queue-scenario.ts) with 2 grader worker processes, a random one SIGKILLed every
// 2 s and started again, and one restart of PostgreSQL mid-burst. It runs on its own throwaway
// PostgreSQL (never the shared test server, which other suites use). Asserts correctness only:
// every submission graded exactly once; timings are the benchmark's business.
import { describe, expect, it } from "vitest";
import { runQueueScenario } from "../bench/lib/queue-scenario";

describe("the submission pipeline under faults", () => {
  it("grades every submission exactly once while workers are killed and PostgreSQL restarts", async () => {
    const lines: string[] = [];
    const r = await runQueueScenario({
      submissions: 80,
      students: 40,
      workers: 2,
      faults: true,
      killEveryMs: 2000,
      leaseMs: 2000,
      loopingEvery: 80, // one looping submission: a job whose worker dies 3 times is FAILED by design, and loops are the long jobs a kill hits
      warmup: 0,
      deadlineMs: 70_000,
      log: (l) => lines.push(l),
    });
    const context = `${JSON.stringify(r)}\n${lines.join("\n")}`;
    expect(r.submitted, context).toBe(80);
    expect(r.lost, context).toBe(0);
    expect(r.duplicates, context).toBe(0);
    expect(r.graded, context).toBe(80);
    expect(r.db_restarts, context).toBe(1);
    expect(r.worker_kills, context).toBeGreaterThan(0);
  }, 120_000);
});
