// The declining-credit rule: what the k-th attempt can earn, and which submissions are attempts.
import { describe, expect, it } from "vitest";
import { attemptCredit, attemptNumbers, creditRuleOf, creditedScore, type AttemptOrderFacts } from "@/lib/grades/credit";

describe("attemptCredit", () => {
  it.each([
    { rule: null, k: 1, want: 1 },
    { rule: null, k: 9, want: 1 },
    { rule: { decline: 0.34, floor: 0 }, k: 1, want: 1 },
    { rule: { decline: 0.34, floor: 0 }, k: 2, want: 0.66 },
    { rule: { decline: 0.34, floor: 0 }, k: 3, want: 0.32 },
    { rule: { decline: 0.34, floor: 0 }, k: 4, want: 0 },
    { rule: { decline: 0.25, floor: 0.25 }, k: 4, want: 0.25 },
    { rule: { decline: 0.25, floor: 0.25 }, k: 7, want: 0.25 },
    { rule: { decline: 0.1, floor: 0.3 }, k: 5, want: 0.6 },
    { rule: { decline: 0.1, floor: 0.3 }, k: 10, want: 0.3 },
    { rule: { decline: 0, floor: 0 }, k: 50, want: 1 },
    { rule: { decline: 0.5, floor: 0 }, k: 0, want: 1 },
  ])("attempt $k under $rule earns at most $want", ({ rule, k, want }) => {
    expect(attemptCredit(k, rule)).toBe(want);
  });

  it("scales the attempt's own score, partial credit included", () => {
    expect(creditedScore(2, 3, { decline: 0.34, floor: 0 })).toBe(0.64);
    expect(creditedScore(0.5, 2, { decline: 0.25, floor: 0.25 })).toBe(0.375);
    expect(creditedScore(0, 1, { decline: 0.25, floor: 0.25 })).toBe(0);
    expect(creditedScore(1.5, 4, null)).toBe(1.5);
  });
});

describe("attemptNumbers", () => {
  const at = (m: number) => new Date(Date.UTC(2026, 11, 1, 10, m));
  const sub = (id: string, m: number, extra: Partial<AttemptOrderFacts> = {}): AttemptOrderFacts => ({
    id,
    kind: "SUBMIT",
    createdAt: at(m),
    hasResult: true,
    jobStatuses: ["DONE"],
    ...extra,
  });

  it("numbers SUBMITs by time, whatever order they come in", () => {
    expect([...attemptNumbers([sub("c", 3), sub("a", 1), sub("b", 2)])]).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
  });

  it("skips Runs and gradings that failed on our side, but counts one still waiting", () => {
    const n = attemptNumbers([
      sub("a", 1),
      sub("run", 2, { kind: "RUN" }),
      sub("ours", 3, { hasResult: false, jobStatuses: ["FAILED"] }),
      sub("waiting", 4, { hasResult: false, jobStatuses: ["QUEUED"] }),
      sub("d", 5),
    ]);
    expect(n.get("run")).toBeUndefined();
    expect(n.get("ours")).toBeUndefined();
    expect(n.get("waiting")).toBe(2);
    expect(n.get("d")).toBe(3);
  });
});

describe("creditRuleOf", () => {
  it("reads the rule from a question's stored config, with the floor defaulting to 0", () => {
    expect(creditRuleOf({ id: "q", type: "multiple-choice", credit: { decline: 0.34 } })).toEqual({ decline: 0.34, floor: 0 });
  });
  it("is null for a question without one, or a config that is not an object", () => {
    expect(creditRuleOf({ id: "q", type: "numeric" })).toBeNull();
    expect(creditRuleOf(null)).toBeNull();
  });
});
