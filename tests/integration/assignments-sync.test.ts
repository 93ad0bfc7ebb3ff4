// Syncing assignment folders into PostgreSQL: idempotent, versioned by content, never destructive,
// and what reaches a browser carries no answers and no hidden tests.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadAllAssignments } from "@/lib/assignments/load";
import { syncAssignments } from "@/lib/assignments/sync";
import { questionPoints } from "@/lib/assignments/points";
import { publicQuestion, statementHtml } from "@/lib/assignments/public-view";
import { parseVersionContent } from "@/lib/assignments/version-content";
import { useFreshDatabase } from "./lib/test-db";
import { createCourseWithTerm } from "./lib/course-fixture";

let db: PrismaClient;
let root: string;
let termId: string;
const sync = async () => syncAssignments(db, termId, await loadAllAssignments(root), questionPoints);

beforeAll(async () => {
  db = await useFreshDatabase();
  termId = (await createCourseWithTerm(db, "c", "C")).term.id;
  // Real assignments plus a small one, copied so the test can edit them. The copies sit at the
  // same depth as assignments/ so their tests' relative imports of grader/ still resolve.
  root = mkdtempSync(path.join(process.cwd(), ".sync-test-"));
  cpSync("assignments/layernorm", path.join(root, "layernorm"), { recursive: true });
  cpSync("assignments/xor-ln-net", path.join(root, "xor-ln-net"), { recursive: true });
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await closeDb();
});

describe("assignments:sync", () => {
  it("creates each assignment with one version and its questions, code points summed from the tests", async () => {
    const outcomes = await sync();
    expect(outcomes.map((o) => [o.slug, o.action, o.version])).toEqual(
      expect.arrayContaining([
        ["layernorm", "created", 1],
        ["xor-ln-net", "created", 1],
      ]),
    );
    const layernorm = await db.assignment.findFirstOrThrow({ where: { slug: "layernorm" }, include: { currentVersion: { include: { questions: true } } } });
    expect(layernorm.currentVersion!.questions).toHaveLength(1);
    expect(layernorm.currentVersion!.questions[0]!.points).toBeGreaterThan(10);
    const rubric = await db.rubricItem.count({ where: { assignment: { slug: "xor-ln-net" } } });
    expect(rubric).toBeGreaterThan(0);
  });

  it("is idempotent: a second run writes no new version", async () => {
    const outcomes = await sync();
    expect(outcomes.every((o) => o.action === "unchanged")).toBe(true);
    expect(await db.assignmentVersion.count()).toBe(2);
  });

  it("makes a new version when a hidden test changes, and keeps the old one for old submissions", async () => {
    appendFileSync(path.join(root, "layernorm/tests/hidden.test.ts"), "\n// tightened\n");
    const outcomes = await sync();
    expect(outcomes.find((o) => o.slug === "layernorm")).toMatchObject({ action: "new-version", version: 2 });
    expect(outcomes.find((o) => o.slug === "xor-ln-net")).toMatchObject({ action: "unchanged" });
    expect(await db.assignmentVersion.count({ where: { assignment: { slug: "layernorm" } } })).toBe(2);
  });

  it("keeps the last good version when a folder becomes invalid, and reports why", async () => {
    const yamlPath = path.join(root, "xor-ln-net/assignment.yaml");
    const good = readFileSync(yamlPath, "utf8");
    writeFileSync(yamlPath, good.replace(/^due: .*$/m, "due: tomorrow"));
    const outcomes = await sync();
    const o = outcomes.find((x) => x.slug === "xor-ln-net")!;
    expect(o.action).toBe("invalid");
    expect(o.problems![0]).toMatchObject({ file: "xor-ln-net/assignment.yaml", path: "due" });
    const a = await db.assignment.findFirstOrThrow({ where: { slug: "xor-ln-net" } });
    expect(a.hidden).toBe(false);
    expect(a.currentVersionId).not.toBeNull();
    writeFileSync(yamlPath, good);
  });

  it("hides a deleted assignment without deleting its submissions", async () => {
    const a = await db.assignment.findFirstOrThrow({ where: { slug: "layernorm" }, include: { currentVersion: { include: { questions: true } } } });
    const user = await db.user.create({ data: { email: "s@x.test", name: "S" } });
    await db.submission.create({
      data: {
        userId: user.id,
        assignmentId: a.id,
        versionId: a.currentVersionId!,
        questionId: a.currentVersion!.questions[0]!.id,
        questionKey: "norms",
        code: "export {}",
      },
    });
    rmSync(path.join(root, "layernorm"), { recursive: true });
    const outcomes = await sync();
    expect(outcomes.find((o) => o.slug === "layernorm")).toMatchObject({ action: "hidden" });
    expect((await db.assignment.findFirstOrThrow({ where: { slug: "layernorm" } })).hidden).toBe(true);
    expect(await db.submission.count({ where: { assignmentId: a.id } })).toBe(1);
  });

  it("sends a browser no reference solution, no tests and no correct options", async () => {
    const a = await db.assignment.findFirstOrThrow({ where: { slug: "xor-ln-net" }, include: { currentVersion: { include: { questions: true } } } });
    const content = parseVersionContent(a.currentVersion!.content, `version ${a.currentVersion!.number} of "${a.slug}"`);
    const views = a.currentVersion!.questions.map((row) =>
      publicQuestion(
        content,
        content.spec.questions.find((q) => q.id === row.key)!,
        row.points,
        "en",
      ),
    );
    const sent = JSON.stringify({ views, statement: statementHtml(content, "en") });
    for (const [rel, text] of Object.entries(content.files)) {
      if (/solution|tests\//.test(rel)) {
        const probe = text.split("\n").find((l) => l.trim().length > 40);
        if (probe) expect(sent).not.toContain(probe.trim());
      }
    }
    expect(sent).not.toMatch(/"correct"/);
    for (const q of content.spec.questions) if (q.type === "code") expect(sent).not.toContain(q.solution);
  });
});
