// The staff pages in Simplified Chinese, in real Chromium against the built site: a TA switches the
// language and the gradebook, the proof-grading queue and page, and the roster speak Chinese: their
// headings, buttons and labels, and the server's own refusals. Any English message of the staff
// namespace left on such a page fails the test. Screenshots: tests/output/screenshots/staff-zh-*.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { startApp, type AppServer } from "./lib/app-server";
import { hydrated, launchBrowser, open, screenshot, signedInPage } from "./lib/browser";

let app: AppServer;
let browser: Browser;
let page: Page;
const STAFF = "/courses/ml-theory/staff";

type Tree = { [key: string]: string | Tree };
const values = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === "string" ? [v] : values(v)));
// Every English staff message that could show as it is (no placeholders or markup, at least one
// word), except the few both languages share ("Canvas CSV"): "Gradebook", "Start grading", "Save & next".
const SHARED = new Set(values(zh.staff as Tree));
const ENGLISH = [...new Set(values(en.staff as Tree))].filter((m) => !/[{<]/.test(m) && /[A-Za-z]{4}/.test(m) && !SHARED.has(m));
// Where the pages put their own words. Table cells and page titles hold data (assignment and
// question titles, people's names, pasted CSV), which stays as entered.
const UI = "nav.staff-nav, h2, h3, th, button, label, summary, .badge, .notice, p.muted, [role=alert], [role=status], a.button";

/** The English staff messages visible in the page's own words. */
async function englishOn(p: Page): Promise<string[]> {
  const text = (await p.locator(UI).allInnerTexts()).join("\n");
  // Whole words only: a slug such as xor-proof is data, not the message "proof".
  const word = (s: string) => new RegExp(`(^|[^A-Za-z-])${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z-])`);
  return ENGLISH.filter((m) => word(m).test(text));
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await signedInPage(browser, app.baseUrl, "ta@demo.test");
  await open(page, `${app.baseUrl}${STAFF}/gradebook`);
  await page.getByLabel("Language").selectOption("zh");
  await page.getByRole("heading", { name: "成绩册", level: 1 }).waitFor();
  await hydrated(page);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("staff pages in Chinese", () => {
  it("the gradebook: heading, filter, downloads, columns and nav in Chinese, no English UI left", async () => {
    await page.reload();
    await hydrated(page);
    await page.getByRole("heading", { name: "成绩册", level: 1 }).waitFor();
    await page.getByRole("button", { name: "筛选" }).waitFor();
    await page.getByRole("link", { name: "下载 Canvas CSV" }).waitFor();
    await page.getByRole("columnheader", { name: "总分" }).waitFor();
    expect(await page.getByLabel("分组").count()).toBe(1);
    const nav = page.getByRole("navigation", { name: "教学工具" });
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "概览",
      "成绩册",
      "证明题评分",
      "延期",
      "花名册",
      "统计分析",
      "相似度检查",
      "重新评分申请",
      "LMS 对接",
    ]);
    await page.locator("details summary", { hasText: "分数如何计算" }).click();
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, "staff-zh-gradebook");
  });

  it("the proof-grading queue and the grading page, with the rubric panel, in Chinese", async () => {
    await open(page, `${app.baseUrl}${STAFF}/grading/xor-ln-net/xor-proof`);
    await page.getByRole("heading", { name: "批改队列" }).waitFor();
    await page.getByRole("heading", { name: "评分细则" }).waitFor();
    expect(await page.locator("table.data >> nth=0").locator(".badge.warn").allTextContents()).toEqual(["待批改", "待批改"]);
    // The server's refusal of an empty rubric description, in Chinese (nothing is saved).
    await page.getByLabel("constraints 的说明").fill(" ");
    await page
      .locator("tr", { has: page.getByLabel("constraints 的说明") })
      .getByRole("button", { name: "保存" })
      .click();
    await page.getByRole("status").filter({ hasText: "说明不能为空" }).waitFor();
    expect(await englishOn(page)).toEqual([]);
    await page.getByRole("link", { name: "开始批改" }).click();
    await page.getByTestId("proof-answer").waitFor();
    await page.locator("aside[data-keys=on]").waitFor();
    await page.getByRole("heading", { name: "作答" }).waitFor();
    await page.getByRole("button", { name: "保存并批改下一份" }).waitFor();
    expect(await page.getByLabel("给学生的评语").count()).toBe(1);
    expect(await page.getByLabel("加减分（分）").count()).toBe(1);
    await page.keyboard.press("1");
    await expect.poll(() => page.getByTestId("grading-score").textContent()).toBe("2");
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, "staff-zh-grading-proof");
  });

  it("the roster: people, import, and the server's row problems in Chinese", async () => {
    await open(page, `${app.baseUrl}${STAFF}/roster`);
    await page.getByRole("heading", { name: "花名册", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "导入花名册" }).waitFor();
    await page.getByRole("columnheader", { name: "登录状态" }).waitFor();
    await page.getByLabel("或直接粘贴").fill("not-an-email,Wrong Address,S1,A,student\nnew@uni.test,Neu Mitglied,S2,A,ta");
    await page.getByRole("button", { name: "预览", exact: true }).click();
    const bad = page.getByTestId("bad-rows");
    await bad.waitFor();
    expect(await bad.textContent()).toContain("不是有效的邮箱地址");
    expect(await bad.textContent()).toContain("只有教师才能添加或修改助教和教师");
    await page.getByRole("heading", { name: "2 行有误——改正后才能导入" }).waitFor();
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, "staff-zh-roster");
  });

  it("extensions, analytics, similarity and the assignment preview in Chinese", async () => {
    await open(page, `${app.baseUrl}${STAFF}/extensions`);
    await page.getByRole("button", { name: "批准延期" }).waitFor();
    expect(await englishOn(page)).toEqual([]);
    await open(page, `${app.baseUrl}${STAFF}/analytics`);
    await page.getByRole("heading", { name: "失败最多的测试" }).waitFor();
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, "staff-zh-analytics");
    await open(page, `${app.baseUrl}${STAFF}/similarity`);
    await page.getByRole("heading", { name: "相似度检查", level: 1 }).waitFor();
    expect(await englishOn(page)).toEqual([]);
    await open(page, `${app.baseUrl}${STAFF}/assignments/xor-ln-net`);
    await page.getByRole("button", { name: "立即为参考答案评分" }).waitFor();
    expect(await englishOn(page)).toEqual([]);
    await screenshot(page, "staff-zh-assignment");
  });

  it("the course's roster page and the staff overview in Chinese", async () => {
    await open(page, `${app.baseUrl}/courses/ml-theory/roster`);
    await page.getByRole("columnheader", { name: "学号" }).waitFor();
    await open(page, `${app.baseUrl}${STAFF}`);
    await page.getByRole("heading", { name: "教学概览" }).waitFor();
    await page.getByRole("link", { name: "预览与检查" }).first().waitFor();
    expect(await englishOn(page)).toEqual([]);
  });
});
