// The assignment checker, run as its CLI on fixture folders: broken ones fail with the file, the
// field and what is wrong; one bad assignment never hides the report for the others.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assignmentSchemaFileText } from "@/lib/assignments/schema-file";

function check(...slugs: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/assignments-check.ts", ...slugs], {
    env: { ...process.env, ASSIGNMENTS_DIR: "tests/fixtures/assignments", FIXTURES_DIR: "tests/fixtures/assignment-fixtures" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe("assignments:check", () => {
  it("explains every schema mistake with file and field, and still reports the other assignments", () => {
    const { code, out } = check();
    expect(code).toBe(1);
    expect(out).toContain("FAIL broken-assignment");
    expect(out).toMatch(/broken-assignment\/assignment.yaml at title: must not be empty/);
    expect(out).toMatch(/at release: must be a date with time and zone/);
    expect(out).toMatch(/at questions.0.id: use lowercase letters/);
    expect(out).toMatch(/at questions.0.solution: must be a path inside the assignment folder/);
    expect(out).toMatch(/at questions.2.type: .*'code' \| 'numeric' \| 'multiple-choice' \| 'proof'/);
    expect(out).toMatch(/FAIL broken-yaml\n.*YAML syntax: .*line 2, column 1/);
    expect(out).toContain("ok   good-small");
    expect(out).toContain("1 of 4 assignments pass");
  });

  it("catches unsound questions: reference below full marks, starter at full marks, no correct option, nondeterminism, short rubric", () => {
    const { code, out } = check("broken-checks");
    expect(code).toBe(1);
    expect(out).toMatch(/✗ add \(code\): reference 0\/3, starter 3\/3, 1 wrong and 1 good fixtures — the reference solution scores 0\/3/);
    expect(out).toContain("the starter already scores full marks (3/3)");
    expect(out).toContain("✗ pick (multiple-choice): no option is marked correct");
    expect(out).toContain("✗ num (numeric): generate(rng) is not deterministic for a seed");
    expect(out).toContain("✗ why (proof): the positive rubric items add up to 2, less than the question's 5 points");
  });

  it("grades solution fixtures: a wrong one that scores full marks and a good one that does not both fail the check", () => {
    const { code, out } = check("broken-checks");
    expect(code).toBe(1);
    expect(out).toContain("the wrong solution actually-right.ts scores full marks (3/3): no test catches it");
    expect(out).toMatch(/the good solution good\/multiplies.ts scores 0\/3 \(graded\); failing: adds \(failed\)/);
  });

  it("passes a sound assignment and exits 0", () => {
    const { code, out } = check("good-small");
    expect(out).toContain("✓ add (code): reference 3/3, starter 0/3, 1 wrong and 1 good fixtures");
    expect(code).toBe(0);
  });

  it("names a slug that has no folder", () => {
    const { code, out } = check("no-such-assignment");
    expect(code).toBe(1);
    expect(out).toContain("FAIL no-such-assignment");
  });
});

describe("the published JSON Schema", () => {
  it("is up to date with the zod schema (run npm run assignments:schema)", () => {
    expect(readFileSync("assignments/schema.json", "utf8")).toBe(assignmentSchemaFileText());
  });
});
