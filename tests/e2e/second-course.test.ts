// A second course on the same site, in real Chromium: its folder (tests/fixtures/courses/stats-demo,
// a copy of one small assignment with its own course.yaml) synced by courses:sync, its instructor
// and student added by user:add, a submission graded, the gradebook and the export per term; the
// demo course beside it is untouched. Also "my courses" with two courses and the admin page.
import { spawnSync } from "node:child_process";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./lib/app-server";
import { launchBrowser, open, screenshot, signIn } from "./lib/browser";

const FOLDER = "tests/fixtures/courses/stats-demo";
const PASSWORD = "second-course-password";
let app: AppServer;
let browser: Browser;
let term: string;
let demoExportBefore: string;

function npm(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("npm", ["run", "--silent", ...args], {
    env: { ...process.env, DATABASE_URL: app.databaseUrl, USER_PASSWORD: PASSWORD, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const signedIn = async (email: string) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, app.baseUrl, email, PASSWORD);
  await page.waitForURL(/\/courses$/);
  return page;
};

describe("a second course from its own folder", () => {
  it("courses:sync makes the course with its first term; user:add puts its instructor and student in it", () => {
    demoExportBefore = npm(["grades:export", "--", "--course", "ml-theory", "--format", "canvas"]).out;
    expect(demoExportBefore).toContain("Alice Chen");
    const sync = npm(["courses:sync", "--", "--dir", FOLDER]);
    expect(sync.err).toBe("");
    expect(sync.code).toBe(0);
    expect(sync.out).toMatch(/^tests\/fixtures\/courses\/stats-demo: course stats-demo\n/);
    const m = /\n {2}term (\S+):\n {4}add-numbers: created \(version 1\)/.exec(sync.out);
    expect(m, sync.out).not.toBeNull();
    term = m![1]!;
    const prof = npm(["user:add", "--", "--email", "prof@stats.test", "--name", "Prof. Stat", "--role", "instructor", "--course", "stats-demo"]);
    expect(prof.out.trim()).toBe(`prof@stats.test is instructor of stats-demo (${term}).`);
    const student = npm(["user:add", "--", "--email", "sam@stats.test", "--name", "Sam Okafor", "--role", "student", "--course", "stats-demo", "--term", term]);
    expect(student.code).toBe(0);
    // The professor also TAs the demo course (today's command, no --course: COURSE_SLUG's current term).
    expect(npm(["user:add", "--", "--email", "prof@stats.test", "--name", "Prof. Stat", "--role", "ta"]).out.trim()).toBe(
      "prof@stats.test is ta of ml-theory (2026-autumn).",
    );
    const wrong = npm(["user:add", "--", "--email", "x@stats.test", "--name", "X", "--role", "student", "--course", "stats-demo", "--term", "1999-spring"]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toContain(`No term "1999-spring" in stats-demo; its terms: ${term}.`);
    // Six CLI processes (npm, tsx and Prisma start-up each, about 10 s apiece here): vitest's default
    // 60 s was the sum itself, and every run so far took 58.8–60.2 s.
  }, 180_000);

  it("the student submits in the new course and is graded", async () => {
    const page = await signedIn("sam@stats.test");
    expect(await page.locator("article.card").count()).toBe(1);
    await page.getByRole("link", { name: "Statistics for the curious" }).click();
    await page.waitForURL(new RegExp(`/courses/stats-demo/${term}$`));
    await page.getByRole("link", { name: "Adding numbers" }).click();
    await page.waitForURL(new RegExp(`/courses/stats-demo/${term}/assignments/add-numbers$`));
    const question = page.locator("section.question", { hasText: "Pick" });
    await question.getByLabel("Right").check();
    await question.getByRole("button", { name: "Submit answer" }).click();
    await question.locator(".result", { hasText: "Score: 1 / 1" }).waitFor({ timeout: 30_000 });
    // The code question runs in the sandbox: the starter returns 0, so it loses every test.
    await page.getByRole("button", { name: "Submit", exact: true }).first().click();
    await page.locator(".result .score:not(.full)").first().waitFor({ timeout: 60_000 });
    await screenshot(page, "courses-second-course-submitted");
    await page.context().close();
  });

  it("its instructor sees the grade in the term's gradebook and both courses on 'my courses'", async () => {
    const page = await signedIn("prof@stats.test");
    // "My courses": both courses, each with the role in it.
    expect(await page.locator("article.card").count()).toBe(2);
    expect(await page.locator(`article[data-term="stats-demo/${term}"]`).innerText()).toContain("instructor");
    expect(await page.locator("article[data-term='ml-theory/2026-autumn']").innerText()).toContain("TA");
    await screenshot(page, "courses-my-courses-two");
    await open(page, `${app.baseUrl}/courses/stats-demo/${term}/staff/gradebook`);
    const row = page.locator("tr", { hasText: "Sam Okafor" });
    expect(await row.innerText()).toMatch(/\b1\b/);
    // Today's URL leads into the current term.
    await open(page, `${app.baseUrl}/courses/stats-demo/staff`);
    expect(new URL(page.url()).pathname).toBe(`/courses/stats-demo/${term}/staff`);
    await page.context().close();
    const res = await fetch(`${app.baseUrl}/courses/stats-demo/${term}/staff`, { redirect: "manual" });
    expect(res.status).toBe(307); // signed out: to sign-in
  });

  it("grades:export writes the new term's grades, and the demo course's export is as before", () => {
    const mine = npm(["grades:export", "--", "--course", "stats-demo", "--format", "long"]);
    expect(mine.code).toBe(0);
    const rows = mine.out.trim().split("\n");
    expect(
      rows.some((r) => r.includes("sam@stats.test") && r.includes("pick") && /,1(,|$)/.test(r)),
      mine.out,
    ).toBe(true);
    const sameTerm = npm(["grades:export", "--", "--course", "stats-demo", "--term", term, "--format", "long"]);
    expect(sameTerm.out).toBe(mine.out);
    // The demo course: byte for byte the export it had before the second course came.
    expect(npm(["grades:export", "--", "--course", "ml-theory", "--format", "canvas"]).out).toBe(demoExportBefore);
  });

  it("a site admin sees every course and term on /admin and creates a term there", async () => {
    expect(npm(["user:add", "--", "--email", "admin@site.test", "--name", "Site Admin", "--admin"]).out.trim()).toBe("admin@site.test is a site admin.");
    const page = await signedIn("admin@site.test");
    await page.getByRole("link", { name: "Site administration" }).click();
    await page.waitForURL(/\/admin$/);
    expect(await page.locator("article[data-course=stats-demo]").innerText()).toContain(term);
    expect(await page.locator("article[data-course=ml-theory]").innerText()).toContain("2026-autumn");
    const form = page.locator("form[data-form=term]");
    await form.getByLabel("Course slug").fill("stats-demo");
    await form.getByLabel("Term slug, e.g. 2027-spring").fill("2031-spring");
    await form.getByLabel("Starts").fill("2031-02-20");
    await form.getByRole("button", { name: "Create term" }).click();
    await form.getByText("Term stats-demo/2031-spring created.").waitFor();
    await page.reload();
    expect(await page.locator("article[data-course=stats-demo]").innerText()).toContain("2031-spring");
    await screenshot(page, "courses-admin");
    await page.context().close();
  });
});
