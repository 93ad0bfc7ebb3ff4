// The staff-test cache: a grading reuses the compiled tests while their files are unchanged, and
// recompiles when any file they bundle changes (a touch alone does not count as a change).
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTestFile } from "@/grader/test-loader";

const testing = path.resolve("grader/testing.ts");

describe("test-loader cache", () => {
  it("recompiles when a bundled file changes, and not when it is only touched", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "loader-"));
    const helper = path.join(dir, "points.ts");
    const file = path.join(dir, "visible.test.ts");
    writeFileSync(helper, "export const POINTS = 1;\n");
    writeFileSync(
      file,
      `import { defineTests } from ${JSON.stringify(testing)};\nimport { POINTS } from "./points";\nexport default defineTests([{ name: "t", points: POINTS, run: () => {} }]);\n`,
    );
    const first = await loadTestFile(file);
    expect(first[0]!.points).toBe(1);
    expect(await loadTestFile(file)).toBe(first);
    const later = new Date(Date.now() + 5000);
    utimesSync(helper, later, later);
    expect(await loadTestFile(file)).toBe(first);
    writeFileSync(helper, "export const POINTS = 7;\n");
    const second = await loadTestFile(file);
    expect(second).not.toBe(first);
    expect(second[0]!.points).toBe(7);
  });
});
