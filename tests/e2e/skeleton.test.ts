// A newcomer's first minutes, in real Chromium against the built site and a real PostgreSQL.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./lib/app-server";
import { launchBrowser, open, screenshot, signIn, signedInPage } from "./lib/browser";

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const VIEWPORT = { viewport: { width: 1280, height: 800 } };

async function freshPage(): Promise<Page> {
  const context = await browser.newContext(VIEWPORT);
  return context.newPage();
}

describe("walking skeleton in the browser", () => {
  it("the demo student signs in and sees the course and its assignments with due dates", async () => {
    const page = await signedInPage(browser, app.baseUrl, "student1@demo.test", VIEWPORT);
    await page.getByRole("link", { name: "Machine-learning theory in the era of large models" }).click();
    await page.waitForURL(/\/courses\/ml-theory\/2026-autumn$/);
    expect(await page.locator("h1").textContent()).toBe("Machine-learning theory in the era of large models");
    const rows = page.locator("table.data tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: "LayerNorm, RMSNorm and GroupNorm", exact: true }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Group LayerNorm fits random labels", exact: true }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Whitening losses and the stable rank", exact: true }).count()).toBe(1);
    expect(await page.locator("table.data time").first().getAttribute("datetime")).toMatch(/^2026-|^2027-/);
    await screenshot(page, "skeleton-course-student");
    await page.context().close();
  });

  it("a student gets 403 on the roster page", async () => {
    const page = await signedInPage(browser, app.baseUrl, "student2@demo.test", VIEWPORT);
    const response = await page.goto(`${app.baseUrl}/courses/ml-theory/roster`);
    expect(response?.status()).toBe(403);
    expect(await page.locator("h1").textContent()).toBe("Staff only");
    await page.context().close();
  });

  it("the instructor sees the roster with every role and section", async () => {
    const page = await signedInPage(browser, app.baseUrl, "instructor@demo.test", VIEWPORT);
    const response = await page.goto(`${app.baseUrl}/courses/ml-theory/roster`);
    expect(response?.status()).toBe(200);
    const text = await page.locator("table.data").textContent();
    for (const who of ["Alice Chen", "Bob Kumar", "Chloé Martin", "Sam Rivera", "Wei Lin"]) expect(text).toContain(who);
    await screenshot(page, "skeleton-roster-instructor");
    await page.context().close();
  });

  it("a wrong password shows a clear error and stays on the sign-in page", async () => {
    const page = await freshPage();
    await signIn(page, app.baseUrl, "student3@demo.test", "not-the-password");
    const error = page.locator("#signin-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("Wrong email or password.");
    expect(page.url()).toContain("/signin");
    await screenshot(page, "skeleton-wrong-password");
    await page.context().close();
  });

  it("after five wrong passwords for one email the next sign-in is refused with 429 and Retry-After, and the form says how long to wait", async () => {
    const page = await freshPage();
    const email = "locked-out@demo.test";
    const attempt = async () => {
      const { csrfToken } = (await (await page.request.get(`${app.baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
      return page.request.post(`${app.baseUrl}/api/auth/callback/credentials`, {
        form: { email, password: "wrong-password", csrfToken, json: "true", callbackUrl: "/courses" },
        headers: { Origin: app.baseUrl },
      });
    };
    for (let i = 0; i < 5; i++) expect((await attempt()).status()).not.toBe(429);
    const refused = await attempt();
    expect(refused.status()).toBe(429);
    const wait = Number(refused.headers()["retry-after"]);
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // The sign-in form reads the same refusal and shows the wait.
    await signIn(page, app.baseUrl, email, "wrong-password");
    await page.locator("#signin-error").waitFor();
    expect(await page.locator("#signin-error").textContent()).toBe("Too many failed sign-ins. Try again in 15 minutes.");
    await screenshot(page, "skeleton-throttled");
    // The same refusal in the reader's language.
    await page.getByLabel("Language").selectOption("zh");
    await page.getByRole("button", { name: "登录", exact: true }).waitFor();
    await signIn(page, app.baseUrl, email, "wrong-password", { email: "邮箱", password: "密码", submit: "登录" });
    await page.locator("#signin-error").waitFor();
    expect(await page.locator("#signin-error").textContent()).toBe("登录失败次数过多，请在 15 分钟后重试。");
    await page.context().close();
  });

  it("a malformed email is explained by the form before anything is sent", async () => {
    const page = await freshPage();
    await signIn(page, app.baseUrl, "not-an-email", "whatever");
    await page.locator("#email-error").waitFor();
    expect(await page.locator("#email-error").textContent()).toMatch(/valid email/);
    await page.context().close();
  });

  it("an unknown course or assignment is a 404 page, and a tampered cookie reads as signed out", async () => {
    const page = await signedInPage(browser, app.baseUrl, "student1@demo.test", VIEWPORT);
    expect((await page.goto(`${app.baseUrl}/courses/no-such-course`))?.status()).toBe(404);
    expect((await page.goto(`${app.baseUrl}/courses/ml-theory/assignments/no-such-assignment`))?.status()).toBe(404);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.includes("next-auth.session-token"))!;
    await page.context().addCookies([{ ...session, value: session.value.slice(0, -4) + "AAAA" }]);
    await open(page, `${app.baseUrl}/courses`);
    expect(page.url()).toContain("/signin");
    await page.context().close();
  });
});
