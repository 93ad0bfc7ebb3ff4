// The student's side in real Chromium: the built site, a real PostgreSQL, the real grader worker.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./lib/app-server";
import { hydrated, launchBrowser, open, screenshot, signedInPage } from "./lib/browser";
import { pgRunner } from "@/lib/db/sql-runner";

let app: AppServer;
let browser: Browser;
let page: Page;
const solution = readFileSync("assignments/layernorm/solution.ts", "utf8");
const groupLnSolution = readFileSync("assignments/group-ln-random-labels/solution.ts", "utf8");
// A plausible mistake that still compiles: 1 added under the square root.
const wrong = solution.replace(/Math\.sqrt\(/g, "Math.sqrt(1 + ");

type MonacoWindow = { monaco?: { editor: { getModels(): { uri: { path: string }; getValue(): string }[] } } };

async function editorText(p: Page): Promise<string> {
  return (await p.locator(".monaco-editor .view-lines").first().innerText()).replace(/\u00a0/g, " ");
}

/** The whole file in the editor: Monaco renders only the visible lines, the model holds them all. */
async function modelText(p: Page): Promise<string> {
  return p.evaluate(
    () =>
      (window as unknown as MonacoWindow).monaco?.editor
        .getModels()
        .find((m) => m.uri.path.endsWith("/solution.ts"))
        ?.getValue() ?? "",
  );
}

async function pasteIntoEditor(p: Page, code: string) {
  await p.evaluate((text) => navigator.clipboard.writeText(text), code);
  // A click that lands while Monaco is still laying out can miss its textarea: paste until the
  // model holds the code (compared without whitespace, which auto-indentation may change).
  const squash = (t: string) => t.replace(/\s+/g, "");
  for (let i = 0; i < 3 && squash(await modelText(p)) !== squash(code); i++) {
    await p.locator(".monaco-editor .view-lines").first().click();
    await p.keyboard.press("ControlOrMeta+A");
    await p.keyboard.press("ControlOrMeta+V");
    for (let t = 0; t < 20 && squash(await modelText(p)) !== squash(code); t++) await p.waitForTimeout(250);
  }
  expect(squash(await modelText(p))).toBe(squash(code));
}

/** Waits for the submission on screen to finish (or be refused) and returns what it says; on a
 *  timeout the error carries the app's log, so a failure on CI can be read without a rerun. */
async function finalResult(p: Page): Promise<string> {
  const shown = ".code-question .result, .code-question [role=alert]";
  try {
    await p
      .locator(".code-question .result .status.graded, .code-question .result .status.failed, .code-question [role=alert]")
      .first()
      .waitFor({ timeout: 60_000 });
  } catch (e) {
    const onScreen = (await p.locator(shown).allInnerTexts()).join("\n");
    throw new Error(`no final result on screen (${String(e)})\n--- on screen ---\n${onScreen}\n--- app log (tail) ---\n${app.logs().slice(-4000)}`);
  }
  return (await p.locator(shown).allInnerTexts()).join("\n");
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await signedInPage(browser, app.baseUrl, "student1@demo.test", { permissions: ["clipboard-read", "clipboard-write"] });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("a student works through the layernorm assignment", () => {
  it("opens the assignment and sees the statement with math and the starter in the editor", async () => {
    await open(page, `${app.baseUrl}/courses/ml-theory/assignments/layernorm`);
    await page.locator(".monaco-editor").first().waitFor({ timeout: 30_000 });
    expect(await page.locator(".statement .katex").count()).toBeGreaterThan(3);
    expect(await editorText(page)).toContain("export function layerNorm");
    await screenshot(page, "student-01-layernorm-starter");
  });

  it("Run shows the visible tests without using an attempt", async () => {
    const attempts = page
      .locator("section.question")
      .first()
      .getByText(/^Attempts: \d+ used/);
    const before = await attempts.innerText();
    await page.getByRole("button", { name: "Run visible tests" }).click();
    await page.locator(".result .status.graded").waitFor({ timeout: 30_000 });
    const rows = page.locator(".result table.tests tbody tr");
    expect(await rows.count()).toBeGreaterThan(2);
    expect(await page.locator(".result").innerText()).toContain("visible tests only");
    expect(await page.locator(".result").innerText()).not.toContain("hidden test");
    await page.reload();
    await hydrated(page);
    await page.locator(".monaco-editor").first().waitFor({ timeout: 30_000 });
    expect(await attempts.innerText()).toBe(before);
    await screenshot(page, "student-02-run");
  });

  it("a correct solution submitted with the keyboard gets full marks live, without reload", async () => {
    await pasteIntoEditor(page, solution);
    expect(await page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null)).toBe(true);
    await page.keyboard.press("ControlOrMeta+Shift+Enter");
    const text = await finalResult(page);
    const m = /Score: ([\d.]+) \/ ([\d.]+)/.exec(text);
    expect(m, text).not.toBeNull();
    expect(m![1], text).toBe(m![2]);
    expect(text).toContain("hidden test");
    await screenshot(page, "student-03-full-marks");
  });

  it("a wrong solution shows which tests failed, and hidden tests give no details", async () => {
    await new Promise((r) => setTimeout(r, 300));
    await pasteIntoEditor(page, wrong);
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await page.locator(".result .score:not(.full)").waitFor({ timeout: 30_000 });
    const failedRows = page.locator(".result table.tests tbody tr.fail");
    expect(await failedRows.count()).toBeGreaterThan(0);
    const hiddenFailed = page.locator(".result table.tests tbody tr.fail", { hasText: "hidden test" });
    for (let i = 0; i < (await hiddenFailed.count()); i++) expect((await hiddenFailed.nth(i).locator("td.msg").innerText()).trim()).toBe("");
    await screenshot(page, "student-04-wrong");
  });

  it("after a reload the draft is still there and the history lists both submissions", async () => {
    await page.waitForTimeout(1500); // the debounced draft save
    await page.reload();
    await hydrated(page);
    await page.locator(".monaco-editor").first().waitFor({ timeout: 30_000 });
    expect(await editorText(page)).toContain("Math.sqrt(1 + ");
    await page
      .getByText(/Submission history/)
      .first()
      .click();
    expect(await page.locator("details.history tbody tr").count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, "student-05-reload-history");
  });
});

describe("a student runs the group-LN experiment", () => {
  it("submits a training loop and sees the plot of their own fitted fraction per group count and their training curves", async () => {
    await open(page, `${app.baseUrl}/courses/ml-theory/assignments/group-ln-random-labels`);
    await page.locator(".monaco-editor").first().waitFor({ timeout: 30_000 });
    expect(await page.locator(".statement .katex").count()).toBeGreaterThan(5);
    expect(await page.locator(".statement").innerText()).toContain("LSSR");
    await pasteIntoEditor(page, groupLnSolution);
    await page.getByRole("button", { name: "Submit", exact: true }).first().click();
    const text = await finalResult(page);
    const m = /Score: ([\d.]+) \/ ([\d.]+)/.exec(text);
    expect(m, text).not.toBeNull();
    expect(m![1], text).toBe(m![2]);
    // The charts are drawn from this run's records: the figure for the fitted fraction per group
    // count and the training curves, each a canvas Chart.js painted.
    const fitted = page.locator('.code-question .result figure[data-figure="fittedFraction"]');
    await fitted.locator("canvas").waitFor({ timeout: 15_000 });
    expect(await fitted.getAttribute("aria-label")).toBe("Random labels fitted at width 12");
    await page.locator('.code-question .result figure[data-figure="lossCurves"] canvas').waitFor({ timeout: 15_000 });
    const painted = await fitted.locator("canvas").evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext("2d")!;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let coloured = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && !(d[i] === d[i + 1] && d[i + 1] === d[i + 2])) coloured++;
      return coloured;
    });
    expect(painted).toBeGreaterThan(50);
    await fitted.scrollIntoViewIfNeeded();
    await screenshot(page, "student-11-group-ln-figures");
    // The charts alone, at full resolution, to look at.
    await page.locator(".code-question .result .figures").screenshot({ path: "tests/output/screenshots/student-11b-group-ln-charts.png" });
  });
});

describe("a student runs the whitening experiment", () => {
  it("submits both whitening losses and sees their stable rank during training and the spectra at start and end", async () => {
    await open(page, `${app.baseUrl}/courses/ml-theory/assignments/whitening-losses`);
    await page.locator(".monaco-editor").first().waitFor({ timeout: 30_000 });
    await pasteIntoEditor(page, readFileSync("assignments/whitening-losses/solution.ts", "utf8"));
    await page.getByRole("button", { name: "Submit", exact: true }).first().click();
    const text = await finalResult(page);
    const m = /Score: ([\d.]+) \/ ([\d.]+)/.exec(text);
    expect(m, text).not.toBeNull();
    expect(m![1], text).toBe(m![2]);
    await page.locator('.code-question .result figure[data-figure="stableRank"] canvas').waitFor({ timeout: 15_000 });
    await page.locator('.code-question .result figure[data-figure="finalSpectra"] canvas').waitFor({ timeout: 15_000 });
    await page.locator(".code-question .result .figures").scrollIntoViewIfNeeded();
    await page.locator(".code-question .result .figures").screenshot({ path: "tests/output/screenshots/student-12-whitening-charts.png" });
  });
});

describe("what reaches the browser", () => {
  it("the assignment page carries no reference solution and no hidden test code or data", async () => {
    // The student has never submitted spectra, so its reference code can only leak, not be theirs.
    const html = await (await page.request.get(`${app.baseUrl}/courses/ml-theory/assignments/spectra`)).text();
    const starter = readFileSync("assignments/spectra/starter.ts", "utf8");
    const distinctive = (file: string) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.length > 30 && !l.startsWith("//") && !l.startsWith("export function") && !starter.includes(l));
    const secrets = [...distinctive("assignments/spectra/solution.ts"), ...distinctive("assignments/spectra/tests/hidden.test.ts")];
    expect(secrets.length).toBeGreaterThan(10);
    for (const line of secrets) expect(html.includes(line), line).toBe(false);
    const layernorm = await (await page.request.get(`${app.baseUrl}/courses/ml-theory/assignments/layernorm`)).text();
    expect(layernorm).not.toContain("[5, 5, 5, 5]");
    const mc = await (await page.request.get(`${app.baseUrl}/courses/ml-theory/assignments/generalization-bounds`)).text();
    expect(mc).not.toMatch(/"correct"\s*:/);
  });

  it("history shows an old submission, diffs it against the editor and restores it", async () => {
    await open(page, `${app.baseUrl}/courses/ml-theory/assignments/layernorm`);
    await page.locator(".monaco-editor").first().waitFor({ timeout: 30_000 });
    await page
      .getByText(/Submission history/)
      .first()
      .click();
    const rows = page.locator("details.history tbody tr");
    const correctRow = rows.filter({ hasText: "27 / 27" }).first();
    await correctRow.getByRole("button", { name: "Diff with editor" }).click();
    expect((await page.locator("pre.diff .del").count()) + (await page.locator("pre.diff .add").count())).toBeGreaterThan(0);
    await screenshot(page, "student-09-diff");
    page.once("dialog", (d) => void d.accept());
    await correctRow.getByRole("button", { name: "Restore into editor" }).click();
    await page.waitForFunction(() => !document.querySelector(".monaco-editor .view-lines")?.textContent?.includes("Math.sqrt(1 + "));
    expect(await editorText(page)).toContain("Math.sqrt(variance + eps)");
  });
});

describe("runtime errors", () => {
  it("name the student's own line, which the editor underlines", async () => {
    const throwing = [
      "type Vec = number[];",
      "interface Shape { n: number }",
      "export function layerNorm(x: Vec): Vec {",
      "  const s = undefined as unknown as Shape;",
      "  return x.map(() => s.n);",
      "}",
      "export function rmsNorm(x: Vec): Vec { return x; }",
      "export function groupNorm(x: Vec, g: number): Vec { return x; }",
    ].join("\n");
    await pasteIntoEditor(page, throwing);
    await page.getByRole("button", { name: "Run visible tests" }).click();
    const text = await finalResult(page);
    expect(text).toMatch(/layerNorm\(\) threw TypeError: .*\(line 5, column \d+ of your code\)/);
    await page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 10_000 });
    const lines = await page.evaluate(() =>
      (window as unknown as { monaco: { editor: { getModelMarkers(f: { owner: string }): { startLineNumber: number }[] } } }).monaco.editor
        .getModelMarkers({ owner: "grader" })
        .map((m) => m.startLineNumber),
    );
    expect(lines).toEqual([5]);
    await screenshot(page, "student-10-runtime-error");
  });
});

describe("theory questions", () => {
  it("a numeric question accepts 1.5e-3 and explains a malformed number", async () => {
    await open(page, `${app.baseUrl}/courses/ml-theory/assignments/generalization-bounds`);
    const form = page.locator("section.question").first();
    const input = form.getByLabel("Your answer");
    await input.fill("abc");
    await form.getByRole("button", { name: "Submit answer" }).click();
    expect(await form.locator(".error").first().innerText()).toContain("Enter a number");
    await input.fill("1.5e-3");
    await form.getByRole("button", { name: "Submit answer" }).click();
    await form.locator(".result .status.graded").waitFor({ timeout: 30_000 });
    expect(await form.locator(".result").innerText()).toMatch(/Score: 0 \//);
    await screenshot(page, "student-06-numeric");
  });

  it("the proof editor previews math as the student types, and a submitted proof waits for staff", async () => {
    await open(page, `${app.baseUrl}/courses/ml-theory/assignments/xor-ln-net`);
    const proof = page.locator("textarea").first();
    await proof.fill("Suppose $w_1 x_1 + w_2 x_2 + b$ separates XOR. Then $$b < 0,\\quad w_1 + b > 0.$$");
    await page.locator("[data-testid^=preview-] .katex").first().waitFor();
    expect(await page.locator("[data-testid^=preview-] .katex-display").count()).toBe(1);
    await screenshot(page, "student-07-proof-preview");
    const form = page.locator("form.answer-form", { has: proof });
    await form.getByRole("button", { name: "Submit proof" }).click();
    await form.locator(".result .status.awaiting_grading").waitFor({ timeout: 30_000 });
    expect(await form.locator(".result").innerText()).toContain("Awaiting grading by course staff");
  });

  it("a multiple-choice question is submitted and graded at once", async () => {
    const question = page.locator("section.question", { hasText: "A width-2 LayerNorm layer" });
    // Options are shuffled per student: pick them by their text. A wrong pick first, then the right one.
    await question.getByLabel(/LayerNorm is a linear map/).check();
    await question.getByRole("button", { name: "Submit answer" }).click();
    await question.locator(".result", { hasText: "Score: 0 / 2" }).waitFor({ timeout: 30_000 });
    await question.getByLabel(/LayerNorm of a 2-vector z/).check();
    // The demo made one attempt before: this right answer is attempt 3 of 3, worth 32% (declining credit).
    expect(await question.locator(".attempt-credit").innerText()).toBe("Attempt 3 of 3; this attempt can earn up to 32% of the points.");
    await question.getByRole("button", { name: "Submit answer" }).click();
    await question.locator(".result", { hasText: "Score: 0.64 / 2" }).waitFor({ timeout: 30_000 });
    expect(await question.locator(".result").first().innerText()).toContain("attempt 3: worth up to 32% of the points");
    // The attempts line is re-read from the server after each submission.
    await question.getByText(/^Attempts: 3 used, 0 left/).waitFor({ timeout: 10_000 });
    expect(await question.getByLabel(/LayerNorm of a 2-vector z/).isChecked()).toBe(true);
    await screenshot(page, "student-07b-multiple-choice");
  });

  it("a Submit retried after its response was lost is one submission", async () => {
    // On a numeric question: the multiple-choice one above has used all its attempts.
    await open(page, `${app.baseUrl}/courses/ml-theory/assignments/generalization-bounds`);
    const question = page.locator("section.question").first();
    await question.getByLabel("Your answer").fill("1.5e-3");
    const countMine = async () => {
      const sql = await pgRunner(app.databaseUrl);
      try {
        const rows = await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Submission" s JOIN "User" u ON u.id = s."userId" WHERE u.email = 'student1@demo.test' AND s."questionKey" = 'hoeffding'`,
        );
        return rows[0]!.n;
      } finally {
        await sql.close();
      }
    };
    const before = await countMine();
    const tokens: string[] = [];
    let lost = false;
    await page.route("**/api/submit", async (route) => {
      tokens.push((JSON.parse(route.request().postData() ?? "{}") as { clientToken: string }).clientToken);
      if (lost) return route.continue();
      lost = true;
      await route.fetch(); // the server receives it and records the submission...
      await route.abort("connectionreset"); // ...but its answer never reaches the browser
    });
    try {
      await question.getByRole("button", { name: "Submit answer" }).click();
      await question.getByText("Could not reach the server. Check your connection and try again.").waitFor({ timeout: 30_000 });
      expect(await countMine()).toBe(before + 1);
      const answered = page.waitForResponse((r) => r.url().endsWith("/api/submit"), { timeout: 30_000 });
      await question.getByRole("button", { name: "Submit answer" }).click();
      expect((await answered).status()).toBe(200);
      await question.locator(".result .status.graded").first().waitFor({ timeout: 30_000 });
    } finally {
      await page.unroute("**/api/submit");
    }
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).toBe(tokens[0]);
    expect(await countMine()).toBe(before + 1);
  });

  it("switches to Chinese and back, and the choice is remembered", async () => {
    await open(page, `${app.baseUrl}/courses/ml-theory`);
    await page.getByLabel("Language").selectOption("zh");
    await page.getByRole("columnheader", { name: "截止时间" }).waitFor();
    await page.reload();
    await hydrated(page);
    expect(await page.getByRole("columnheader", { name: "截止时间" }).count()).toBe(1);
    await screenshot(page, "student-08-chinese");
    await page.getByLabel("语言").selectOption("en");
    await page.getByRole("columnheader", { name: "Due" }).waitFor();
  });
});

describe("on a phone", () => {
  it("the course and assignment pages fit a 390 px wide screen without sideways scrolling", async () => {
    const p = await signedInPage(browser, app.baseUrl, "student2@demo.test", {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    for (const [path, name] of [
      ["/courses/ml-theory", "phone-course"],
      ["/courses/ml-theory/assignments/generalization-bounds", "phone-assignment"],
    ] as const) {
      await open(p, `${app.baseUrl}${path}`);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
      await screenshot(p, name);
    }
    await p.context().close();
  });
});
