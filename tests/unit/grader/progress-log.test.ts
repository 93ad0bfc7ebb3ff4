// The grading child's progress file (grader/progress-log.ts): what the pool reads after a kill.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createProgressFiles, openProgressLog, sweepStaleProgressFolders } from "@/grader/progress-log";

const result = { name: "t", score: 1, maxScore: 1, status: "passed" as const, visibility: "visible" as const };

describe("progress files", () => {
  it("keep one job's progress in a private folder, skip a torn last line, and are removed on close", () => {
    const files = createProgressFiles();
    const file = files.fileFor(1);
    const dir = path.dirname(file);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const log = openProgressLog(file)!;
    log.begin();
    expect(log.write({ type: "compiled", id: 7 })).toBe(true);
    expect(log.write({ type: "progress", id: 7, results: [{ index: 0, result }], append: "hi\n" })).toBe(true);
    appendFileSync(file, '{"type":"progress","id":7,"resu'); // the write a SIGKILL cut short
    expect(files.read(file, 7)).toEqual([
      { type: "compiled", id: 7 },
      { type: "progress", id: 7, results: [{ index: 0, result }], append: "hi\n" },
    ]);
    // The next job starts from an empty file: nothing of job 7 is read as job 8's.
    log.begin();
    log.write({ type: "compiled", id: 8 });
    expect(files.read(file, 7)).toEqual([]);
    expect(files.read(file, 8)).toEqual([{ type: "compiled", id: 8 }]);
    files.remove(file);
    expect(existsSync(file)).toBe(false);
    files.close();
    expect(existsSync(dir)).toBe(false);
  });

  it("are swept when their pool's process is gone, and kept while it lives", () => {
    const base = mkdtempSync(path.join(os.tmpdir(), "sweep-test-"));
    const dead = path.join(base, "coursegrade-progress-999999999-abc123");
    const mine = path.join(base, `coursegrade-progress-${process.pid}-def456`);
    const other = path.join(base, "unrelated-999999999-x");
    for (const d of [dead, mine, other]) mkdirSync(d);
    sweepStaleProgressFolders(base);
    expect([existsSync(dead), existsSync(mine), existsSync(other)]).toEqual([false, true, true]);
    rmSync(base, { recursive: true, force: true });
  });

  it("fall back to IPC when there is no file", () => {
    expect(openProgressLog("")).toBeNull();
    expect(openProgressLog(path.join("/nonexistent-dir", "x.jsonl"))).toBeNull();
    expect(createProgressFiles().read("", 1)).toEqual([]);
  });
});
