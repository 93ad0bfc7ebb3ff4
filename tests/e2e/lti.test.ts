// LTI 1.3 end to end: a simulated platform in this process (tests/e2e/lib/lti-platform.ts) against
// the real built site. Registration by the admin, launches as instructor (linking the LMS course),
// TA and learner, deep linking, a graded submission whose gradebook score the platform receives
// once (and an override as a second revision), the roster pulled through NRPS, and hostile
// launches each refused with a page that says why.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { computeGradebook } from "@/lib/grades/gradebook";
import { DEMO_PASSWORD, startApp, type AppServer } from "./lib/app-server";
import { Session } from "./lib/session";
import { hydrated, launchBrowser, screenshot } from "./lib/browser";
import { ROLE, startPlatform, type LaunchSpec, type SimulatedPlatform } from "./lib/lti-platform";

let app: AppServer;
let platform: SimulatedPlatform;
let admin: Session;

const FORM = "application/x-www-form-urlencoded";
const learner = { sub: "learner-1", email: "lti-learner@uni.test", name: "Lin Learner", roles: [ROLE.learner] };
const instructor = { sub: "inst-1", email: "instructor@demo.test", name: "Demo Instructor", roles: [ROLE.instructor] };

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, tries = 240): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`gave up waiting for ${what}\n${app.logs().slice(-3000)}`);
}

/** The browser's side of a launch: login initiation, the platform's auth endpoint, the form post. */
async function loginFields(browser: Session, spec: LaunchSpec) {
  const hint = platform.launch(spec);
  const login = await browser.fetch("/lti/login", {
    method: "POST",
    headers: { "content-type": FORM, origin: platform.base, "sec-fetch-dest": "document" },
    body: new URLSearchParams({
      iss: platform.issuer,
      login_hint: spec.user.sub,
      target_link_uri: `${app.baseUrl}/lti/launch`,
      lti_message_hint: hint,
      client_id: platform.clientId,
    }),
  });
  expect(login.status, await login.clone().text()).toBe(302);
  const auth = await fetch(login.headers.get("location")!);
  const html = await auth.text();
  expect(auth.status, html).toBe(200);
  return Object.fromEntries([...html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function postLaunch(browser: Session, fields: Record<string, string>) {
  return browser.fetch("/lti/launch", { method: "POST", headers: { "content-type": FORM, origin: platform.base }, body: new URLSearchParams(fields) });
}

async function launch(browser: Session, spec: LaunchSpec) {
  return postLaunch(browser, await loginFields(browser, spec));
}

beforeAll(async () => {
  app = await startApp({ LTI_POLL_MS: "300" });
  process.env.DATABASE_URL = app.databaseUrl;
  resetEnvCache();
  platform = await startPlatform(() => `${app.baseUrl}/lti/jwks`);
  const db = await getDb();
  await db.user.update({ where: { email: "instructor@demo.test" }, data: { isAdmin: true } });
  admin = new Session(app.baseUrl);
  expect(await admin.signIn("instructor@demo.test", DEMO_PASSWORD)).toBe(true);
});

afterAll(async () => {
  await app?.stop();
  await platform?.stop();
  await closeDb();
});

describe("LTI 1.3 tool", () => {
  it("publishes its public keys at the JWKS URL, and an admin registers the platform", async () => {
    const jwks = (await (await fetch(`${app.baseUrl}/lti/jwks`)).json()) as { keys: { kid: string; kty: string; n?: string; d?: string }[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys[0]!.kty).toBe("RSA");
    expect(jwks.keys[0]!.d).toBeUndefined(); // never the private part
    const res = await admin.json("POST", "/api/admin/lti", { action: "add-platform", ...platform.registration });
    expect(res.status, await res.clone().text()).toBe(200);
    const page = await (await admin.fetch("/admin/lti")).text();
    for (const url of ["/lti/login", "/lti/launch", "/lti/jwks"]) expect(page).toContain(`${app.baseUrl}${url}`);
    expect(page).toContain("Simulated LMS");
  });

  it("a student cannot register a platform", async () => {
    const student = new Session(app.baseUrl);
    expect(await student.signIn("student1@demo.test", DEMO_PASSWORD)).toBe(true);
    const res = await student.json("POST", "/api/admin/lti", { action: "add-platform", ...platform.registration, clientId: "evil" });
    // Site administration is hidden from everyone else, like a course from outsiders.
    expect(res.status).toBe(404);
  });

  it("a learner in an LMS course not linked yet is told to wait for the instructor", async () => {
    const res = await launch(new Session(app.baseUrl), { kind: "resource", user: learner, custom: { assignment: "layernorm" } });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("has not linked this LMS course");
  });

  it("the instructor's first launch links the LMS course to a course here, then signs them in", async () => {
    const browser = new Session(app.baseUrl);
    const res = await launch(browser, { kind: "resource", user: instructor });
    expect(res.status).toBe(303);
    const linkUrl = res.headers.get("location")!;
    expect(linkUrl).toMatch(/^\/lti\/link\?ticket=/);
    const page = await browser.fetch(linkUrl);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("ML Theory (LMS)");
    const ticket = decodeURIComponent(/name="ticket" value="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"));
    const done = await browser.fetch("/lti/link/confirm", {
      method: "POST",
      headers: { "content-type": FORM, origin: app.baseUrl },
      body: new URLSearchParams({ ticket, course: "ml-theory/2026-autumn" }),
    });
    expect(done.status, await done.clone().text()).toBe(303);
    expect(done.headers.get("location")).toBe("/courses/ml-theory/2026-autumn");
    expect((await browser.fetch("/courses/ml-theory/2026-autumn")).status).toBe(200);
  });

  it("deep linking: the instructor picks an assignment and the platform gets a signed response with its line item", async () => {
    const browser = new Session(app.baseUrl);
    const res = await launch(browser, { kind: "deep", user: instructor });
    expect(res.status).toBe(303);
    const picker = await browser.fetch(res.headers.get("location")!);
    const html = await picker.text();
    expect(picker.status).toBe(200);
    expect(html).toContain('value="layernorm"');
    const ticket = /name="ticket" value="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&");
    const answer = await browser.fetch("/lti/deep-link-return", {
      method: "POST",
      headers: { "content-type": FORM, origin: app.baseUrl },
      body: new URLSearchParams([
        ["ticket", ticket],
        ["assignment", "layernorm"],
      ]),
    });
    const page = await answer.text();
    expect(answer.status, page).toBe(200);
    expect(answer.headers.get("content-security-policy")).toContain(`form-action 'self' ${platform.base}`);
    const action = /action="([^"]+)"/.exec(page)![1]!;
    expect(action).toBe(`${platform.base}/deep-link-return`);
    const jwt = /name="JWT" value="([^"]+)"/.exec(page)![1]!;
    const posted = await fetch(action, { method: "POST", headers: { "content-type": FORM }, body: new URLSearchParams({ JWT: jwt }) });
    expect(posted.status).toBe(200);
    const response = platform.deepLinkResponses[0]!;
    expect(response["https://purl.imsglobal.org/spec/lti/claim/message_type"]).toBe("LtiDeepLinkingResponse");
    expect(response["https://purl.imsglobal.org/spec/lti-dl/claim/data"]).toBe("opaque-platform-data");
    const items = response["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as {
      custom: { assignment: string };
      lineItem: { scoreMaximum: number; resourceId: string };
    }[];
    expect(items).toHaveLength(1);
    expect(items[0]!.custom.assignment).toBe("layernorm");
    expect(items[0]!.lineItem.resourceId).toBe("layernorm");
    expect(items[0]!.lineItem.scoreMaximum).toBeGreaterThan(0);
  });

  it("a learner's launch signs them in with a session, enrolls them as a student and opens the linked assignment", async () => {
    const browser = new Session(app.baseUrl);
    const res = await launch(browser, { kind: "resource", user: learner, custom: { assignment: "layernorm" }, resourceLinkId: "rl-layernorm" });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("location")).toBe("/courses/ml-theory/2026-autumn/assignments/layernorm");
    const cookies = res.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith("next-auth.session-token="))).toMatch(/HttpOnly; SameSite=Lax/);
    expect((await browser.fetch("/courses/ml-theory/2026-autumn/assignments/layernorm")).status).toBe(200);
    const session = (await (await browser.fetch("/api/auth/session")).json()) as { user?: { email?: string } };
    expect(session.user?.email).toBe(learner.email);
    const db = await getDb();
    const user = await db.user.findUniqueOrThrow({ where: { email: learner.email }, include: { enrollments: true } });
    expect(user.enrollments.map((e) => e.role)).toEqual(["STUDENT"]);

    // A graded submission: the platform receives the gradebook's number, once.
    const code = readFileSync("assignments/layernorm/solution.ts", "utf8");
    const submitted = await browser.json("POST", "/api/submit", {
      course: "ml-theory/2026-autumn",
      assignment: "layernorm",
      question: "norms",
      kind: "SUBMIT",
      code,
    });
    expect(submitted.status, await submitted.clone().text()).toBe(202);
    const first = await waitFor("the score at the platform", () => platform.scores.find((s) => s.userId === learner.sub));
    const term = await db.term.findFirstOrThrow({ where: { slug: "2026-autumn", course: { slug: "ml-theory" } } });
    const gradebook = await computeGradebook(db, term.id, { userIds: [user.id] });
    const assignment = gradebook.assignments.find((a) => a.slug === "layernorm")!;
    const result = gradebook.rows[0]!.results.get(assignment.id)!;
    expect(first.scoreGiven).toBe(result.total);
    expect(first.scoreMaximum).toBe(result.max);
    expect(first.userAgent).toMatch(/coursegrade-lti/);
    // Found by resourceId among the items deep linking made: no duplicate line item.
    expect(platform.lineItems.filter((l) => l.resourceId === "layernorm")).toHaveLength(1);
    expect(first.lineItem).toBe(platform.lineItems[0]!.id);

    // An override changes the gradebook's number: one more revision, and nothing sent twice.
    const override = await admin.json("POST", "/api/courses/ml-theory/2026-autumn/staff/overrides", {
      assignment: "layernorm",
      question: "norms",
      userId: user.id,
      score: 1,
      reason: "LTI test override",
    });
    expect(override.status, await override.clone().text()).toBe(200);
    await waitFor("the second revision", () => (platform.scores.filter((s) => s.userId === learner.sub).length >= 2 ? true : undefined));
    await waitFor("both revisions marked sent", async () => ((await db.ltiScore.count({ where: { status: { not: "SENT" } } })) === 0 ? true : undefined));
    const mine = platform.scores.filter((s) => s.userId === learner.sub);
    expect(mine.map((s) => s.scoreGiven)).toEqual([result.total, 1]);
    expect(new Set(mine.map((s) => s.timestamp)).size).toBe(2);
    const rows = await db.ltiScore.findMany({ where: { userId: user.id }, orderBy: { revision: "asc" } });
    expect(rows.map((r) => [r.revision, r.scoreGiven, r.status])).toEqual([
      [1, result.total, "SENT"],
      [2, 1, "SENT"],
    ]);
    const staffPage = await (await admin.fetch("/courses/ml-theory/2026-autumn/staff/lti")).text();
    expect(staffPage).toContain("Lin Learner");
    expect(staffPage).toContain("Scores sent to the LMS");
  });

  it("a TA's launch, matched to their account by email, keeps them a TA", async () => {
    const browser = new Session(app.baseUrl);
    const res = await launch(browser, { kind: "resource", user: { sub: "ta-1", email: "ta@demo.test", name: "Demo TA", roles: [ROLE.ta] } });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/courses/ml-theory/2026-autumn");
    const db = await getDb();
    const ta = await db.user.findUniqueOrThrow({ where: { email: "ta@demo.test" }, include: { enrollments: true, ltiAccounts: true } });
    expect(ta.enrollments[0]!.role).toBe("TA");
    expect(ta.ltiAccounts.map((a) => a.sub)).toEqual(["ta-1"]);
  });

  it("staff pull the roster from the LMS: a preview, then the import, and the LMS ids linked", async () => {
    platform.members.push(
      { user_id: learner.sub, email: learner.email, name: learner.name, roles: [ROLE.learner], status: "Active" },
      { user_id: "nrps-2", email: "nrps-new@uni.test", name: "Nadia New", roles: [ROLE.learner], status: "Active" },
      { user_id: "nrps-3", name: "No Email", roles: [ROLE.learner], status: "Active" },
    );
    const db = await getDb();
    const context = await db.ltiContext.findFirstOrThrow({ where: { contextId: "ctx-1" } });
    const preview = await admin.json("POST", "/api/courses/ml-theory/2026-autumn/staff/lti", { action: "roster", context: context.id, commit: false });
    const p = (await preview.json()) as { rows: { email: string; action: string }[]; skipped: { name: string }[] };
    expect(preview.status).toBe(200);
    expect(p.rows.find((r) => r.email === "nrps-new@uni.test")?.action).toBe("add");
    expect(p.rows.find((r) => r.email === learner.email)?.action).toBe("unchanged");
    expect(p.skipped.map((s) => s.name)).toEqual(["No Email"]);
    expect(await db.user.count({ where: { email: "nrps-new@uni.test" } })).toBe(0);
    const applied = await admin.json("POST", "/api/courses/ml-theory/2026-autumn/staff/lti", { action: "roster", context: context.id, commit: true });
    expect(applied.status, await applied.clone().text()).toBe(200);
    const added = await db.user.findUniqueOrThrow({ where: { email: "nrps-new@uni.test" }, include: { enrollments: true, ltiAccounts: true } });
    expect(added.enrollments.map((e) => e.role)).toEqual(["STUDENT"]);
    expect(added.ltiAccounts.map((a) => a.sub)).toEqual(["nrps-2"]);
  });

  describe("hostile launches are refused with a page that says why", () => {
    const cases: [string, Partial<LaunchSpec>, number, string, string][] = [
      ["a bad signature", { foreignKey: true }, 400, "bad-signature", "signature on this launch did not verify"],
      ["the wrong audience", { claims: (c) => ({ ...c, aud: "some-other-tool" }) }, 400, "wrong-audience", "meant for another tool"],
      ["an expired id_token", { claims: (c) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 3600 }) }, 400, "expired", "has expired"],
      [
        "an unknown deployment",
        { claims: (c) => ({ ...c, "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "deployment-unknown" }) },
        403,
        "unknown-deployment",
        "deployment",
      ],
    ];
    for (const [name, tamper, status, code, words] of cases)
      it(name, async () => {
        const res = await launch(new Session(app.baseUrl), { kind: "resource", user: learner, custom: { assignment: "layernorm" }, ...tamper });
        const html = await res.text();
        expect(res.status, html).toBe(status);
        expect(html).toContain(words);
        expect(html).toContain(`Code: ${code}`);
        expect(res.headers.getSetCookie().some((c) => c.includes("session-token"))).toBe(false);
      });

    it("a replayed launch (the same id_token, state and nonce posted again)", async () => {
      const browser = new Session(app.baseUrl);
      const fields = await loginFields(browser, { kind: "resource", user: learner, custom: { assignment: "layernorm" } });
      expect((await postLaunch(browser, fields)).status).toBe(303);
      const again = await postLaunch(browser, fields);
      expect(again.status).toBe(400);
      expect(await again.text()).toContain("Code: replayed");
    });

    it("an id_token whose nonce is not the one of this login", async () => {
      const browser = new Session(app.baseUrl);
      const fields = await loginFields(browser, { kind: "resource", user: learner });
      const forged = await platform.idToken({ kind: "resource", user: learner }, "a-nonce-we-never-sent");
      const res = await postLaunch(browser, { ...fields, id_token: forged });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Code: bad-nonce");
    });

    it("a launch without its state", async () => {
      const browser = new Session(app.baseUrl);
      const { id_token } = await loginFields(browser, { kind: "resource", user: learner });
      const res = await postLaunch(browser, { id_token: id_token! });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Code: missing-state");
    });

    it("a launch posted from another browser than the one that started the login (no state cookie)", async () => {
      const fields = await loginFields(new Session(app.baseUrl), { kind: "resource", user: learner });
      const res = await postLaunch(new Session(app.baseUrl), fields);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Code: state-cookie");
    });
  });

  it("a login inside the LMS's iframe continues in a new top-level window; only the state cookie is SameSite=None", async () => {
    const browser = new Session(app.baseUrl);
    const params = new URLSearchParams({
      iss: platform.issuer,
      login_hint: "x",
      target_link_uri: `${app.baseUrl}/lti/launch`,
      lti_message_hint: platform.launch({ kind: "resource", user: learner }),
    });
    const framed = await browser.fetch(`/lti/login?${params}`, { headers: { "sec-fetch-dest": "iframe" } });
    const html = await framed.text();
    expect(framed.status).toBe(200);
    expect(html).toContain('target="_blank"');
    expect(framed.headers.get("content-security-policy")).toContain(`frame-ancestors ${platform.base}`);
    expect(framed.headers.getSetCookie()).toEqual([]);
    const top = await browser.fetch(`/lti/login?${params}`, { headers: { "sec-fetch-dest": "document" } });
    expect(top.status).toBe(302);
    expect(top.headers.getSetCookie()[0]).toMatch(/^lti-state-[\w-]+=1; Path=\/lti\/; .*HttpOnly; Secure; SameSite=None$/);
    // Every other page keeps frame-ancestors 'none'.
    expect((await fetch(`${app.baseUrl}/signin`)).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect((await fetch(`${app.baseUrl}/`)).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("renders the admin, staff and refusal pages in a real browser", async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const token = admin.cookies.get("next-auth.session-token")!;
      await context.addCookies([{ name: "next-auth.session-token", value: token, url: app.baseUrl }]);
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/admin/lti`);
      await hydrated(page);
      await page.getByRole("heading", { name: "Registered platforms" }).waitFor();
      await screenshot(page, "lti-admin");
      // The assignment picker of deep linking, as the instructor who launched it sees it.
      const launcher = new Session(app.baseUrl);
      const picker = (await launch(launcher, { kind: "deep", user: instructor })).headers.get("location")!;
      const launched = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      await launched.addCookies([{ name: "next-auth.session-token", value: launcher.cookies.get("next-auth.session-token")!, url: app.baseUrl }]);
      const pickerPage = await launched.newPage();
      await pickerPage.goto(`${app.baseUrl}${picker}`);
      await pickerPage.getByRole("button", { name: "Add to the LMS" }).waitFor();
      await screenshot(pickerPage, "lti-deep-link-picker");
      const framed = await fetch(
        `${app.baseUrl}/lti/login?${new URLSearchParams({ iss: platform.issuer, login_hint: "x", target_link_uri: `${app.baseUrl}/lti/launch` })}`,
        {
          headers: { "sec-fetch-dest": "iframe" },
        },
      );
      await pickerPage.setContent(await framed.text());
      await screenshot(pickerPage, "lti-breakout");
      // The tool inside the LMS's iframe: the button continues in a new window, which ends signed
      // in on the assignment (a fresh browser context: no session of the site yet).
      const lms = await browser.newContext({ viewport: { width: 1100, height: 800 } });
      const lmsPage = await lms.newPage();
      const src = `${app.baseUrl}/lti/login?${new URLSearchParams({
        iss: platform.issuer,
        login_hint: learner.sub,
        target_link_uri: `${app.baseUrl}/lti/launch`,
        lti_message_hint: platform.launch({ kind: "resource", user: learner, custom: { assignment: "layernorm" } }),
      })}`;
      await lmsPage.goto(`${platform.base}/course-page?${new URLSearchParams({ src })}`);
      const open = lmsPage.frameLocator("iframe").getByRole("link", { name: "Open in a new window" });
      await open.waitFor();
      await screenshot(lmsPage, "lti-in-lms-iframe");
      const [popup] = await Promise.all([lmsPage.waitForEvent("popup"), open.click()]);
      await popup.waitForURL(`${app.baseUrl}/courses/ml-theory/2026-autumn/assignments/layernorm`);
      await popup.getByRole("heading", { name: "LayerNorm, RMSNorm and GroupNorm" }).first().waitFor();
      await screenshot(popup, "lti-launched-window");
      await page.goto(`${app.baseUrl}/courses/ml-theory/2026-autumn/staff/lti`);
      await hydrated(page);
      await page.getByRole("button", { name: "Preview the roster from the LMS" }).click();
      await page.getByRole("button", { name: "Apply" }).waitFor();
      await screenshot(page, "lti-staff");
      const res = await page.request.post(`${app.baseUrl}/lti/launch`, { form: { id_token: "x" } });
      expect(res.status()).toBe(400);
      await page.setContent(await res.text());
      await screenshot(page, "lti-refused");
    } finally {
      await browser.close();
    }
  });
});
