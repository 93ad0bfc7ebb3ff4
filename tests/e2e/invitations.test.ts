// From roster to first sign-in, in real Chromium: an instructor imports a roster CSV and invites
// the new students; a student opens the link, sets a password and signs in. Once without mail
// settings (the link is copied from the roster page) and once with SMTP configured against a
// local SMTP server in this process (the link is read from the received mail).
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./lib/app-server";
import { hydrated, launchBrowser, open, screenshot, signIn, signedInPage } from "./lib/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ROSTER = "/courses/ml-theory/staff/roster";
const csv = (tag: string) =>
  `email,name,student id,section,role\nada.${tag}@uni.test,Ada ${tag},S${tag}1,A,student\nalan.${tag}@uni.test,Alan ${tag},S${tag}2,B,student\n`;

async function importRoster(page: Page, baseUrl: string, tag: string): Promise<void> {
  await open(page, `${baseUrl}${ROSTER}`);
  await page.getByLabel("or paste it").fill(csv(tag));
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await page.getByText("Imported: 2 people added or updated.").waitFor();
  await page.locator(`tr[data-email="ada.${tag}@uni.test"]`).waitFor();
}

/** The student's side: open the link, set a password (a mismatch first), sign in. */
async function setPasswordAndSignIn(link: string, email: string, baseUrl: string, shot: string): Promise<void> {
  const page = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
  await open(page, link);
  await page.getByText(`For ${email}.`).waitFor();
  await page.getByLabel("New password").fill("my-own-password-1");
  await page.getByLabel("Type it again").fill("my-own-password-2");
  await page.getByRole("button", { name: "Set password" }).click();
  await page.getByText("The two passwords are not the same").waitFor();
  await page.getByLabel("Type it again").fill("my-own-password-1");
  await screenshot(page, `${shot}-set-password`);
  await page.getByRole("button", { name: "Set password" }).click();
  await page.getByText(`Your password is set. Sign in with ${email}.`).waitFor();
  await page.getByRole("link", { name: "Go to sign-in →" }).click();
  await page.waitForURL(/\/signin/);
  await hydrated(page);
  expect(await page.getByLabel("Email", { exact: true }).inputValue()).toBe(email);
  await signIn(page, baseUrl, email, "my-own-password-1");
  await page.waitForURL(/\/courses$/);
  await page
    .getByRole("link", { name: /Machine-learning theory/ })
    .first()
    .waitFor();
  await screenshot(page, `${shot}-signed-in`);
  // The link is spent.
  await open(page, link);
  await page.getByText("This link does not work any more").waitFor();
  await page.context().close();
}

describe("invitations without mail settings", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp({ EMBEDDED_WORKER: "0" });
  });
  afterAll(async () => app?.stop());

  it("an instructor imports a roster and invites everyone; a student sets a password from the copied link and signs in", async () => {
    const staff = await signedInPage(browser, app.baseUrl, "instructor@demo.test");
    await importRoster(staff, app.baseUrl, "nomail");
    await staff.getByText("No mail is configured").waitFor();
    await staff.getByRole("button", { name: "Invite everyone without a password (2)" }).click();
    await staff.getByTestId("invite-links").waitFor();
    const link = await staff.getByLabel("Link for ada.nomail@uni.test").inputValue();
    expect(link).toMatch(new RegExp(`^${app.baseUrl}/set-password\\?token=[A-Za-z0-9_-]{40,}$`));
    await expect.poll(() => staff.locator('tr[data-email="ada.nomail@uni.test"] .badge').allTextContents(), { timeout: 15_000 }).toContain("invited");
    await screenshot(staff, "invitations-roster-links");
    await setPasswordAndSignIn(link, "ada.nomail@uni.test", app.baseUrl, "invitations-nomail");
    await open(staff, `${app.baseUrl}${ROSTER}`);
    await expect.poll(() => staff.locator('tr[data-email="ada.nomail@uni.test"] .badge').allTextContents(), { timeout: 15_000 }).toContain("password set");
    await staff.context().close();
  });

  it("the sign-in form warns when one attempt is left, and staff unlock a locked-out student", async () => {
    const page = await (await browser.newContext()).newPage();
    // Without mail, "forgot password" sends people to staff (a site setting: it tells nothing about accounts).
    await open(page, `${app.baseUrl}/forgot-password`);
    await page.getByText("This site sends no email").waitFor();
    // Each answer is awaited before the next try (a bcrypt check can take seconds on a loaded machine).
    const attempt = async (password: string) => {
      await signIn(page, app.baseUrl, "student3@demo.test", password);
      await page.locator("#signin-error").waitFor();
      return page.locator("#signin-error").textContent();
    };
    for (let i = 1; i <= 3; i++) expect(await attempt(`wrong-password-${i}`)).toBe("Wrong email or password.");
    expect(await attempt("wrong-password-4")).toMatch(/One attempt is left: after one more failure, sign-in for this account pauses for 15 minutes/);
    await screenshot(page, "signin-last-attempt-warning");
    await attempt("wrong-password-5");
    expect(await attempt("e2e-demo-password")).toMatch(/Too many failed sign-ins/);
    const staff = await signedInPage(browser, app.baseUrl, "ta@demo.test");
    await open(staff, `${app.baseUrl}${ROSTER}`);
    const row = staff.locator('tr[data-email="student3@demo.test"]');
    await row.getByText("locked out").waitFor();
    await row.getByRole("button", { name: "Unlock" }).click();
    await staff.getByText("student3@demo.test can sign in again.").waitFor();
    await signIn(page, app.baseUrl, "student3@demo.test", "e2e-demo-password");
    await page.waitForURL(/\/courses$/);
    await staff.context().close();
    await page.context().close();
    // Eight bcrypt checks and two browser contexts: more than the default minute on a loaded machine.
  }, 180_000);
});

describe("invitations with SMTP configured", () => {
  let app: AppServer;
  let smtp: SMTPServer;
  const mails: { to: string; text: string }[] = [];
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      onData(stream, session, callback) {
        let text = "";
        stream.on("data", (d: Buffer) => (text += d.toString("utf8")));
        stream.on("end", () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), text: text.replace(/=\r?\n/g, "").replace(/=3D/g, "=") });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
    const port = (smtp.server.address() as AddressInfo).port;
    app = await startApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: "ML theory <course@uni.test>" });
  });
  afterAll(async () => {
    await app?.stop();
    await new Promise<void>((r) => smtp?.close(() => r()));
  });

  const linkIn = (to: string) => {
    const mail = mails.find((m) => m.to === to);
    return mail ? (/https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0] ?? null) : null;
  };

  it("an instructor imports and invites one student; the student sets a password from the mailed link and signs in", async () => {
    const staff = await signedInPage(browser, app.baseUrl, "instructor@demo.test");
    await importRoster(staff, app.baseUrl, "mail");
    await staff.getByText("Invitations are sent by email.").waitFor();
    await staff.locator('tr[data-email="alan.mail@uni.test"]').getByRole("button", { name: "Invite" }).click();
    await staff.getByText("1 invitation queued to be mailed").waitFor();
    expect(await staff.getByTestId("invite-links").count()).toBe(0);
    await screenshot(staff, "invitations-roster-mailed");
    await expect.poll(() => linkIn("alan.mail@uni.test"), { timeout: 30_000 }).not.toBeNull();
    await setPasswordAndSignIn(linkIn("alan.mail@uni.test")!, "alan.mail@uni.test", app.baseUrl, "invitations-smtp");
    await staff.context().close();
  });

  it("forgot password answers the same for any address and mails a reset link to a known one", async () => {
    const page = await (await browser.newContext()).newPage();
    const answers: string[] = [];
    for (const email of ["student2@demo.test", "nobody@uni.test"]) {
      await open(page, `${app.baseUrl}/signin`);
      await page.getByRole("link", { name: "Forgot password?" }).click();
      await page.waitForURL(/\/forgot-password$/);
      await hydrated(page);
      await page.getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Send me a link" }).click();
      answers.push((await page.getByRole("status").textContent()) ?? "");
    }
    expect(answers[0]).toMatch(/If that address belongs to an account/);
    expect(answers[1]).toBe(answers[0]);
    await screenshot(page, "forgot-password-answer");
    await expect.poll(() => linkIn("student2@demo.test"), { timeout: 30_000 }).not.toBeNull();
    expect(mails.some((m) => m.to === "nobody@uni.test")).toBe(false);
    await page.context().close();
  });
});
