// The CLI contract other tools rely on: one JSON document on stdout, exit 0 whatever the score.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

function grade(...args: string[]) {
  const r = spawnSync("npm", ["run", "--silent", "grade", "--", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const keys = (o: object) => Object.keys(o).sort();

describe("npm run grade", () => {
  it("prints one JSON report with full marks for the reference solution", () => {
    const r = grade("--assignment", "assignments/layernorm", "--file", "assignments/layernorm/solution.ts", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.status).toBe("graded");
    expect(report.score).toBe(report.maxScore);
    for (const k of keys(report)) expect(["score", "maxScore", "status", "tests", "output", "timing", "seed"]).toContain(k);
    for (const t of report.tests) {
      for (const k of keys(t)) expect(["name", "score", "maxScore", "status", "visibility", "message"]).toContain(k);
      expect(["passed", "failed", "error", "timeout", "memory"]).toContain(t.status);
    }
  });

  it("--seed fixes the hidden inputs and is printed back; a seed that is not hex is refused with exit 2", () => {
    const r = grade("--assignment", "assignments/layernorm", "--file", "assignments/layernorm/starter.ts", "--seed", "C0FFEE", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).seed).toBe("c0ffee");
    const bad = grade("--assignment", "assignments/layernorm", "--file", "assignments/layernorm/starter.ts", "--seed", "not-hex", "--json");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--seed must be hexadecimal/);
  });

  it("exits 0 with a lower score for the starter, and --question selects the question", () => {
    const r = grade("--assignment", "assignments/layernorm", "--file", "assignments/layernorm/starter.ts", "--question", "norms", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.score).toBeLessThan(report.maxScore);
  });

  it("keeps the student's printed output (even fake JSON) inside the document", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "grade-cli-"));
    const file = path.join(dir, "fake.ts");
    writeFileSync(file, 'console.log(JSON.stringify({ score: 26, maxScore: 26, status: "graded", tests: [] }));\nexport {};\n');
    const r = grade("--assignment", "assignments/layernorm", "--file", file, "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.score).toBe(0);
    expect(report.output).toContain('"score":26');
  });

  it("reports a compile error as a JSON document with exit 0, and prints a table without --json", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "grade-cli-"));
    const file = path.join(dir, "broken.ts");
    writeFileSync(file, "export function layerNorm( {\n");
    const r = grade("--assignment", "assignments/layernorm", "--file", file, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe("compile_error");
    const t = grade("--assignment", "assignments/layernorm", "--file", "assignments/layernorm/solution.ts");
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^graded: (\d+) \/ \1 points/);
  });

  it("fails (non-zero) only when the grader cannot run", () => {
    const r = grade("--assignment", "assignments/no-such-assignment", "--file", "assignments/layernorm/solution.ts", "--json");
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
  });
});
