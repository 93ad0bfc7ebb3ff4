// Real Chromium (Debian's package) driven by playwright-core; screenshots go to tests/output/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { DEMO_PASSWORD } from "./app-server";

const SCREENSHOT_DIR = path.resolve("tests/output/screenshots");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until React has hydrated the page (components/hydration-mark.tsx): before that, clicks
 *  and key presses reach no handler. */
export async function hydrated(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** Opens a page and waits until it is interactive. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await hydrated(page);
}

const ENGLISH_FORM = { email: "Email", password: "Password", submit: "Sign in" };

/** Fills and sends the sign-in form; `labels` for a page in another language. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string, labels = ENGLISH_FORM): Promise<void> {
  await open(page, `${baseUrl}/signin`);
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
}

/** A page in a new browser context, signed in as a demo account and on "my courses". */
export async function signedInPage(browser: Browser, baseUrl: string, email: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options })).newPage();
  await signIn(page, baseUrl, email, DEMO_PASSWORD);
  await page.waitForURL(/\/courses$/);
  return page;
}
