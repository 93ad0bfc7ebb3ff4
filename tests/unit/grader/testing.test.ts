import { describe, expect, it } from "vitest";
import { allClose, assertEqual, assertThrows, closeTo, defineTests, isClose, StudentError } from "@/grader/testing";
import { redactReport, type GradeReport } from "@/grader/report";

describe("assertion helpers", () => {
  it("allClose fails on NaN, Infinity, non-numbers and wrong lengths unless expected", () => {
    const tol = { rtol: 1e-6, atol: 1e-9 };
    expect(() => allClose([1, 2], [1, 2], tol)).not.toThrow();
    expect(() => allClose([1, NaN], [1, 2], tol)).toThrow(/expected 2, got NaN/);
    expect(() => allClose([1, Infinity], [1, 2], tol)).toThrow();
    expect(() => allClose([1, "2"], [1, 2], tol)).toThrow();
    expect(() => allClose([1, null], [1, 2], tol)).toThrow();
    expect(() => allClose([1], [1, 2], tol)).toThrow(/2 elements, got 1/);
    expect(() => allClose({ length: 2, 0: 1, 1: 2 }, [1, 2], tol)).toThrow(/array/);
    expect(() => allClose([NaN, Infinity], [NaN, Infinity], tol)).not.toThrow();
    expect(() => allClose(1 + 1e-7, 1, tol)).not.toThrow();
    expect(() => allClose(1 + 1e-5, 1, tol)).toThrow();
  });

  it("isClose and closeTo use atol + rtol·|expected|", () => {
    expect(isClose(1e-10, 0)).toBe(true);
    expect(isClose(1e-8, 0)).toBe(false);
    expect(isClose(1e6 + 0.5, 1e6)).toBe(true);
    expect(isClose(1e6 + 2, 1e6)).toBe(false);
    expect(() => closeTo("1", 1)).toThrow(/number/);
  });

  it("assertEqual is deep and exact", () => {
    expect(() => assertEqual({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] })).not.toThrow();
    expect(() => assertEqual({ a: [1, 2] }, { a: [1, 2, 3] })).toThrow();
    expect(() => assertEqual({ a: 1, b: undefined }, { a: 1 })).toThrow();
    expect(() => assertEqual(1, 1 + 1e-15)).toThrow();
    expect(() => assertEqual([NaN], [NaN])).not.toThrow();
  });

  it("assertThrows checks the student's error type and message, and passes timeouts on", async () => {
    const threw = () => Promise.reject(new StudentError("threw", "groupNorm() threw RangeError: bad groups", "RangeError", "bad groups"));
    await expect(assertThrows(threw, "RangeError")).resolves.toBeUndefined();
    await expect(assertThrows(threw, "RangeError", /bad/)).resolves.toBeUndefined();
    await expect(assertThrows(threw, "TypeError")).rejects.toThrow(/expected a TypeError/);
    await expect(assertThrows(threw, "RangeError", /^groupNorm/)).rejects.toThrow(/message matching/);
    await expect(assertThrows(() => Promise.resolve([1]), "RangeError")).rejects.toThrow(/returned \[1\]/);
    const timeout = new StudentError("timeout", "did not finish");
    await expect(assertThrows(() => Promise.reject(timeout), "RangeError")).rejects.toBe(timeout);
  });

  it("defineTests refuses duplicate names and bad points", () => {
    expect(() =>
      defineTests([
        { name: "a", points: 1, run: () => {} },
        { name: "a", points: 1, run: () => {} },
      ]),
    ).toThrow(/unique/);
    expect(() => defineTests([{ name: "a", points: -1, run: () => {} }])).toThrow(/points/);
  });
});

describe("report redaction", () => {
  const report: GradeReport = {
    score: 1,
    maxScore: 4,
    status: "graded",
    tests: [
      { name: "v", score: 1, maxScore: 1, status: "passed", visibility: "visible" },
      { name: "v2", score: 0, maxScore: 1, status: "failed", visibility: "visible", message: "expected 2, got 3" },
      { name: "h", score: 0, maxScore: 1, status: "failed", visibility: "hidden", message: "expected 0.123 for x=[4,5]" },
      { name: "d", score: 0, maxScore: 1, status: "failed", visibility: "after_due", message: "secret input" },
    ],
    output: "hello\n",
    timing: { totalMs: 3 },
  };

  it("keeps only name, points and outcome of hidden tests, and after_due ones until the due date", () => {
    const before = redactReport(report, { duePassed: false });
    expect(before.tests[1]!.message).toBe("expected 2, got 3");
    expect(before.tests[2]).toEqual({ name: "h", score: 0, maxScore: 1, status: "failed", visibility: "hidden" });
    expect(before.tests[3]!.message).toBeUndefined();
    expect(JSON.stringify(before)).not.toMatch(/secret|0\.123/);
    expect(before.timing).toBeUndefined();
    const after = redactReport(report, { duePassed: true });
    expect(after.tests[3]!.message).toBe("secret input");
    expect(after.tests[2]!.message).toBeUndefined();
  });
});
