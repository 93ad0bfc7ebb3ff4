// Course policies in real Chromium against the built site and the demo course: an instructor
// publishes proof grades held back by gradeRelease: manual (the student sees "graded, not yet
// released" until then), and grants late days on the roster, which a student's late submission
// then spends instead of the late penalty; a student asks for a regrade of the published proof, a TA
// passes it to the instructor, who resolves it, and the student reads the outcome. Screenshots in tests/output/screenshots/.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgRunner } from "@/lib/db/sql-runner";
import { startApp, type AppServer } from "./lib/app-server";
import { launchBrowser, open, screenshot, signedInPage } from "./lib/browser";

let app: AppServer;
let browser: Browser;
const COURSE = "/courses/ml-theory";

async function sql(text: string): Promise<void> {
  const db = await pgRunner(app.databaseUrl);
  try {
    await db.exec(text);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  // What assignment.yaml (gradeRelease: manual) and course.yaml (lateDays: { count: 2 }) would say;
  // the demo's own files stay release: auto and without late days (its golden exports rely on it).
  await sql(`UPDATE "Assignment" SET "gradeRelease" = 'MANUAL' WHERE slug = 'xor-ln-net'; UPDATE "Course" SET "lateDayCount" = 2 WHERE slug = 'ml-theory';`);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const as = (email: string): Promise<Page> => signedInPage(browser, app.baseUrl, email);

describe("grade release in the browser", () => {
  it("a student sees a TA's proof grade only after an instructor publishes it", async () => {
    // Alice's proof was graded by the TA in the demo (two rubric items and a comment).
    const student = await as("student1@demo.test");
    await open(student, `${app.baseUrl}${COURSE}/assignments/xor-ln-net`);
    const proof = student.locator("#q-xor-proof");
    await proof.locator(".status.unreleased").first().waitFor();
    expect(await proof.innerText()).not.toMatch(/Grader.s comment|Clear contradiction/);
    await screenshot(student, "policies-01-student-unreleased");
    await open(student, `${app.baseUrl}${COURSE}`);
    await student.getByText("graded, not yet released").first().waitFor();
    await screenshot(student, "policies-02-home-unreleased");

    const instructor = await as("instructor@demo.test");
    await open(instructor, `${app.baseUrl}${COURSE}/staff/gradebook`);
    await instructor.locator("table.gradebook .badge", { hasText: "not released" }).first().waitFor();
    await open(instructor, `${app.baseUrl}${COURSE}/staff/assignments/xor-ln-net`);
    const panel = instructor.locator(".release-panel");
    await panel.getByText("Not published").waitFor();
    expect(await panel.innerText()).toMatch(/Release: manual for xor-proof, ln-width2/);
    instructor.once("dialog", (d) => void d.accept());
    await panel.getByRole("button", { name: "Publish grades" }).click();
    await panel.getByText("Grades published.").waitFor();
    await panel.getByRole("button", { name: "Unpublish grades" }).waitFor();
    expect(await panel.locator("li").first().innerText()).toMatch(/^published · instructor@demo\.test/);
    await screenshot(instructor, "policies-03-staff-published");

    await open(student, `${app.baseUrl}${COURSE}/assignments/xor-ln-net`);
    await proof.getByText(/Clear contradiction/).waitFor();
    expect(await proof.locator(".status.unreleased").count()).toBe(0);
    expect(await proof.innerText()).toMatch(/\+\d+: /); // the rubric items applied
    await screenshot(student, "policies-04-student-released");
    await instructor.context().close();
    await student.context().close();
  }, 240_000);
});

describe("late days and accommodations in the browser", () => {
  it("an instructor grants a late day on the roster, and a late submission spends late days instead of the penalty", async () => {
    const instructor = await as("instructor@demo.test");
    await open(instructor, `${app.baseUrl}${COURSE}/staff/roster`);
    const form = instructor.locator("form.accommodation-form");
    await form.getByLabel("Student").selectOption({ label: "Bob Kumar <student2@demo.test>" });
    await form.getByLabel("Granted late days").fill("1");
    await form.getByLabel("Reason").fill("illness");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("Saved.").waitFor();
    await instructor.locator("table.time-policies").getByText("Bob Kumar").waitFor();
    await screenshot(instructor, "policies-05-roster-late-days");

    // Bob (Chloé has an extension there, so she is not late at all).
    const student = await as("student2@demo.test");
    await open(student, `${app.baseUrl}${COURSE}`);
    await student.getByText(/Late days: 3 of 3 left/).waitFor();
    // generalization-bounds was due Dec 1 (late window to Dec 4 at −10%): now is days after it.
    await open(student, `${app.baseUrl}${COURSE}/assignments/generalization-bounds`);
    await student.locator(".notice.late-days").waitFor();
    const q = student.locator("section.question").first();
    await q.getByLabel("Your answer").fill("0.5");
    await q.getByRole("button", { name: "Submit answer" }).click();
    await q.locator(".result .badge", { hasText: "covered by late days" }).waitFor({ timeout: 30_000 });
    await q.locator(".result .status.graded").waitFor({ timeout: 30_000 });
    await screenshot(student, "policies-06-student-late-days");
    await open(student, `${app.baseUrl}${COURSE}`);
    const row = student.locator("tr", { hasText: "Generalization bounds" });
    await row.getByText(/late days? used/).waitFor();
    expect(await student.locator(".late-day-balance").innerText()).toMatch(/Late days: [0-2] of 3 left/);
    await screenshot(student, "policies-07-home-balance");

    await open(instructor, `${app.baseUrl}${COURSE}/staff/gradebook`);
    const bob = instructor.locator("tr", { hasText: "Bob Kumar" });
    await bob.locator(".badge", { hasText: / LD$/ }).waitFor();
    await instructor.context().close();
    await student.context().close();
  }, 240_000);
});

describe("regrade requests in the browser", () => {
  it("a student asks for a regrade of a published proof; a TA passes it on; the instructor resolves it; the student reads the outcome", async () => {
    // The first test published xor-ln-net (manual release), which opened the regrade window.
    const student = await as("student1@demo.test");
    await open(student, `${app.baseUrl}${COURSE}/assignments/xor-ln-net`);
    const proof = student.locator("#q-xor-proof");
    await proof.getByRole("button", { name: "Ask for a regrade" }).click();
    await proof.getByLabel("About (optional)").selectOption("conclusion");
    await proof.getByLabel("What should be looked at again, and why").fill("My last paragraph states the conclusion for every threshold.");
    await proof.getByRole("button", { name: "Send regrade request" }).click();
    await proof.getByTestId("regrade-thread").getByText("open", { exact: true }).waitFor();
    expect(await proof.getByRole("button", { name: "Ask for a regrade" }).count()).toBe(0);
    await screenshot(student, "policies-08-student-regrade-open");

    const ta = await as("ta@demo.test");
    await open(ta, `${app.baseUrl}${COURSE}/staff/regrade-requests`);
    const request = ta.getByTestId("regrade-request").first();
    await request.getByText("conclusion", { exact: true }).waitFor();
    await request.getByLabel("Answer (the student reads it)").fill("Checking with the instructor about the threshold case.");
    await request.getByRole("button", { name: "Pass to the instructor" }).click();
    await request.getByText("for the instructor", { exact: true }).waitFor();
    await screenshot(ta, "policies-09-ta-queue");

    const instructor = await as("instructor@demo.test");
    await open(instructor, `${app.baseUrl}${COURSE}/staff/regrade-requests`);
    const req2 = instructor.getByTestId("regrade-request").first();
    expect(await req2.getByRole("button", { name: "Pass to the instructor" }).count()).toBe(0);
    await req2.getByLabel("Answer (the student reads it)").fill("Granted: the conclusion item applies; see the new rubric score.");
    await req2.getByRole("button", { name: "Resolve with this outcome" }).click();
    await instructor.getByRole("heading", { name: "Resolved", exact: true }).waitFor();
    await screenshot(instructor, "policies-10-instructor-resolved");

    await open(student, `${app.baseUrl}${COURSE}/assignments/xor-ln-net`);
    const thread = proof.getByTestId("regrade-thread");
    await thread.getByText("resolved", { exact: true }).waitFor();
    expect(await thread.innerText()).toMatch(/Outcome:\s*Granted: the conclusion item applies/);
    expect(await thread.innerText()).toMatch(/Checking with the instructor/);
    await screenshot(student, "policies-11-student-regrade-outcome");
    for (const p of [student, ta, instructor]) await p.context().close();
  }, 240_000);
});
