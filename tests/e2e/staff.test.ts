// The staff side in real Chromium against the built site with the demo course (two proofs wait
// for a grader): a TA grades them with the keyboard; an instructor downloads the Canvas export;
// students are kept out. Screenshots of every staff page land in tests/output/screenshots/.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCanvasCsv } from "@/lib/export/canvas-check";
import { startApp, type AppServer } from "./lib/app-server";
import { launchBrowser, open, screenshot, signedInPage } from "./lib/browser";
import { pgRunner } from "@/lib/db/sql-runner";

let app: AppServer;
let browser: Browser;
const STAFF = "/courses/ml-theory/staff";

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const as = (email: string): Promise<Page> => signedInPage(browser, app.baseUrl, email, { acceptDownloads: true });

describe("staff side in the browser", () => {
  it("a TA grades two proofs with keyboard shortcuts", async () => {
    const page = await as("ta@demo.test");
    await open(page, `${app.baseUrl}${STAFF}/grading/xor-ln-net/xor-proof`);
    expect(await page.locator("table.data >> nth=0").locator(".badge.warn").count()).toBe(2);
    await screenshot(page, "staff-grading-queue");
    await page.getByRole("link", { name: "Start grading" }).click();
    await page.getByTestId("proof-answer").waitFor();
    await page.locator("aside[data-keys=on]").waitFor(); // the shortcuts listen only once hydrated
    const first = page.url();
    expect(await page.getByTestId("proof-answer").locator(".katex").count()).toBeGreaterThan(0);
    await page.keyboard.press("1");
    await page.keyboard.press("2");
    await expect.poll(() => page.getByTestId("grading-score").textContent()).toBe("4");
    await screenshot(page, "staff-grading-proof");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.toString() !== first && /xor-proof\/[a-z0-9_]+$/.test(u.pathname));
    await page.getByTestId("proof-answer").waitFor();
    await expect.poll(() => page.getByTestId("grading-score").textContent()).toBe("0");
    await page.locator("aside[data-keys=on]").waitFor();
    await page.keyboard.press("1");
    await page.keyboard.press("3");
    await page.keyboard.press("4");
    await expect.poll(() => page.getByTestId("grading-score").textContent()).toBe("1");
    await page.keyboard.press("Control+Enter");
    await page.waitForURL(/xor-proof$/);
    await page.getByRole("heading", { name: "Queue" }).waitFor();
    await expect.poll(() => page.locator("table.data >> nth=0").locator(".badge.ok").count()).toBe(3);
    const scores = await page.locator("table.data >> nth=0").locator("td.num").allTextContents();
    expect(scores.sort()).toEqual(["1 / 5", "4 / 5", "4 / 5"]);
    await screenshot(page, "staff-grading-queue-done");
    await page.context().close();
  });

  it("an instructor downloads the Canvas export, which passes the Canvas rules", async () => {
    const page = await as("instructor@demo.test");
    await open(page, `${app.baseUrl}${STAFF}/gradebook`);
    expect(await page.locator("table.gradebook tbody tr").count()).toBe(3);
    await screenshot(page, "staff-gradebook");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Canvas CSV" }).click()]);
    expect(download.suggestedFilename()).toBe("ml-theory-2026-autumn-grades-canvas.csv");
    const csv = readFileSync((await download.path())!, "utf8");
    expect(checkCanvasCsv(csv)).toEqual([]);
    expect(csv).toContain("Alice Chen,,S1001,student1@demo.test,A,");
    await page.getByRole("link", { name: "Chloé Martin" }).click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await screenshot(page, "staff-gradebook-student");
    await page.context().close();
  });

  it("a grading that failed on our side is counted on the staff overview and retried with one click", async () => {
    // Stand-in for a grader lost five times: one graded demo job marked FAILED.
    const sql = await pgRunner(app.databaseUrl);
    try {
      await sql.exec(
        `UPDATE "GradingJob" SET status = 'FAILED', "lastError" = 'the grader stopped' WHERE id = (SELECT id FROM "GradingJob" WHERE status = 'DONE' ORDER BY "createdAt" LIMIT 1)`,
      );
      const page = await as("ta@demo.test");
      await open(page, `${app.baseUrl}${STAFF}`);
      await page.getByText("1 submission could not be graded on our side").waitFor();
      await page.getByRole("button", { name: "Retry it" }).click();
      await page.getByText("1 queued again.").waitFor();
      await page.getByText("None: every submission was graded or is in the queue.").waitFor();
      const [{ n }] = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "GradingJob" WHERE status = 'FAILED'`)) as [{ n: number }];
      expect(n).toBe(0);
      await page.context().close();
    } finally {
      await sql.close();
    }
  });

  it("staff pages render for the TA (screenshots)", async () => {
    const page = await as("ta@demo.test");
    for (const [path, name] of [
      ["", "staff-home"],
      ["/analytics?assignment=xor-ln-net", "staff-analytics"],
      ["/similarity?q=layernorm%2Fnorms", "staff-similarity"],
      ["/extensions", "staff-extensions"],
      ["/assignments/generalization-bounds?seed=student2%40demo.test", "staff-preview"],
    ] as const) {
      const response = await page.goto(`${app.baseUrl}${STAFF}${path}`);
      expect([path, response?.status()]).toEqual([path, 200]);
      if (name === "staff-analytics") await page.locator("canvas").first().waitFor();
      await screenshot(page, name);
    }
    expect(await page.locator("text=Expected answer for this student").count()).toBeGreaterThan(0);
    await open(page, `${app.baseUrl}${STAFF}/roster`);
    await page
      .getByLabel("or paste it")
      .fill("email,name,student id,section,role\nnew@uni.test,New Person,S2001,B,student\nbroken,No Email,,A,student\nx@uni.test,X,,A,instructor");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByTestId("bad-rows").waitFor();
    expect(await page.getByTestId("bad-rows").textContent()).toMatch(/not a valid email/);
    await screenshot(page, "staff-roster-preview");
    await page.context().close();
  });

  it("the checker grades the reference solution live from the preview page", async () => {
    const page = await as("instructor@demo.test");
    await open(page, `${app.baseUrl}${STAFF}/assignments/layernorm`);
    expect(await page.locator("text=hidden").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Grade the reference solution now" }).click();
    await page.getByText("all checks pass").waitFor({ timeout: 60_000 });
    await screenshot(page, "staff-preview-check");
    await page.context().close();
  });

  it("a student gets 403 on staff pages and actions", async () => {
    const page = await as("student1@demo.test");
    for (const path of ["", "/gradebook", "/grading/xor-ln-net/xor-proof", "/analytics"]) {
      const response = await page.goto(`${app.baseUrl}${STAFF}${path}`);
      expect([path, response?.status()]).toEqual([path, 403]);
    }
    const api = await page.request.get(`${app.baseUrl}/api/courses/ml-theory/2026-autumn/staff/export?format=canvas`);
    expect(api.status()).toBe(403);
    const post = await page.request.post(`${app.baseUrl}/api/courses/ml-theory/2026-autumn/staff/overrides`, {
      data: { assignment: "xor-ln-net", question: "xor-proof", userId: "x", score: 5, reason: "mine" },
    });
    expect(post.status()).toBe(403);
    await page.context().close();
  });
});
