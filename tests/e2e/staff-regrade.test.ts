// Regrade after a hidden-test fix, in real Chromium: the site starts with a copy of the assignments
// whose layernorm hidden test is wrong (the demo students' correct solutions lose a point), staff
// fix the test and sync, then press "Regrade all" on the assignment's staff page; the gradebook and
// the downloaded Canvas CSV show full marks afterwards.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./lib/app-server";
import { launchBrowser, open, screenshot, signedInPage } from "./lib/browser";

// Inside the worktree, so the tests' "../../../grader" imports resolve as in the repository.
const dir = mkdtempSync(path.join(process.cwd(), ".e2e-regrade-"));
const hiddenFile = path.join(dir, "layernorm", "tests", "hidden.test.ts");
const fixedHidden = readFileSync("assignments/layernorm/tests/hidden.test.ts", "utf8");
const brokenHidden = fixedHidden.replace("[5, 5, 5, 5]), [0, 0, 0, 0], TOL)", "[5, 5, 5, 5]), [1, 1, 1, 1], TOL)");
const STAFF = "/courses/ml-theory/staff";

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  expect(brokenHidden).not.toBe(fixedHidden);
  cpSync("assignments", dir, { recursive: true });
  writeFileSync(hiddenFile, brokenHidden);
  app = await startApp({ ASSIGNMENTS_DIR: dir });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Alice's layernorm score in the gradebook table. */
async function aliceLayernorm(page: Page): Promise<string> {
  await open(page, `${app.baseUrl}${STAFF}/gradebook`);
  const headers = await page.locator("table.gradebook thead th").allTextContents();
  const column = headers.findIndex((h) => h.startsWith("layernorm"));
  expect(column).toBeGreaterThan(0);
  return (await page.locator("table.gradebook tbody tr", { hasText: "Alice Chen" }).locator("td").nth(column).textContent())!.trim();
}

async function canvasLayernorm(page: Page): Promise<{ alice: string; possible: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Canvas CSV" }).click()]);
  const rows = parse(readFileSync((await download.path())!, "utf8")) as string[][];
  const column = rows[0]!.findIndex((h) => h.endsWith("(layernorm)"));
  return { alice: rows.find((r) => r[0] === "Alice Chen")![column]!, possible: rows.find((r) => r[0] === "Points Possible")![column]! };
}

describe("regrade in the browser", () => {
  it("after a hidden-test fix and a sync, Regrade all on the staff page changes the gradebook and the Canvas export", async () => {
    const page = await signedInPage(browser, app.baseUrl, "instructor@demo.test", { acceptDownloads: true });
    const before = await aliceLayernorm(page);
    const exportBefore = await canvasLayernorm(page);
    expect(Number(exportBefore.alice)).toBe(Number(exportBefore.possible) - 1);

    writeFileSync(hiddenFile, fixedHidden);
    const sync = spawnSync(process.execPath, ["--import", "tsx", "scripts/sync-assignments.ts"], {
      env: { ...process.env, DATABASE_URL: app.databaseUrl, ASSIGNMENTS_DIR: dir },
      encoding: "utf8",
    });
    expect(sync.status, sync.stderr).toBe(0);
    expect(await aliceLayernorm(page)).toBe(before); // a sync alone regrades nothing

    await open(page, `${app.baseUrl}${STAFF}/assignments/layernorm`);
    const choice = page.getByLabel("Version to regrade norms against");
    expect(await choice.inputValue()).toBe("2");
    expect(await choice.locator("option").allTextContents()).toEqual(["version 2 (current)", "version 1"]);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Regrade all" }).click();
    await page.getByRole("status").filter({ hasText: "— done" }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole("status").textContent()).toMatch(/^3 \/ 3 regraded against version 2 — done$/);
    await screenshot(page, "staff-regrade-done");

    const after = await aliceLayernorm(page);
    expect(after).not.toBe(before);
    const exportAfter = await canvasLayernorm(page);
    expect(exportAfter.alice).toBe(exportAfter.possible);
    await screenshot(page, "staff-gradebook-after-regrade");
    await page.context().close();
  });
});
