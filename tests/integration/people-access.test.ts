// People who can get in: invitation links (hashed, single-use, expiring, throttled), the mail
// outbox (claimed once, retried with backoff, an outage loses nothing, sent over real SMTP to a
// local test server), and the roster actions (drop hides and closes, unlock, roles), all audited.
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { decideCourseAccess } from "@/lib/access";
import { invitePeople, requestPasswordReset } from "@/lib/auth/invitations";
import { LINK_INVALID, findUsableToken, issuePasswordToken, setPasswordWithToken } from "@/lib/auth/password-tokens";
import { verifyPassword } from "@/lib/auth/passwords";
import { claimMail, enqueueMail, mailProblems, markFailed } from "@/lib/mail/outbox";
import { startMailSender } from "@/lib/mail/sender";
import { applyRosterAction } from "@/lib/courses/roster-actions";
import { rosterPeople } from "@/lib/courses/roster-people";
import { computeGradebook } from "@/lib/grades/gradebook";
import { MAX_FAILURES_PER_EMAIL, checkSignInThrottle, recordSignInAttempt } from "@/lib/auth/signin-throttle";
import { useFreshDatabase } from "./lib/test-db";
import { seedCourse } from "./lib/course-fixture";

let ctx: Awaited<ReturnType<typeof seedCourse>>;
let instructor: { id: string; role: "INSTRUCTOR" };
let otherInstructorId: string;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  await useFreshDatabase();
  ctx = await seedCourse([], 4);
  const mk = async (email: string) => {
    const u = await ctx.db.user.create({ data: { email, name: email.split("@")[0]! } });
    await ctx.db.enrollment.create({ data: { userId: u.id, termId: ctx.term.id, role: "INSTRUCTOR" } });
    return u.id;
  };
  instructor = { id: await mk("inst@x.test"), role: "INSTRUCTOR" };
  otherInstructorId = await mk("inst2@x.test");
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  resetEnvCache();
  await closeDb();
});

const linkToken = (link: string) => new URL(link).searchParams.get("token")!;

describe("invitation links", () => {
  it("without mail settings, inviting everyone without a password hands staff one link each; only the sha256 is stored", async () => {
    const r = await invitePeople(ctx.db, { ...ctx.course, termId: ctx.term.id }, instructor, { all: true });
    // Four students and the TA; not the inviting instructor (skipped: that is them), and not the other instructor.
    expect(r.mailed).toBe(0);
    expect(r.links.map((l) => l.email).sort()).toEqual(["s0@x.test", "s1@x.test", "s2@x.test", "s3@x.test", "ta@x.test"]);
    expect(r.skipped.map((s) => s.email).sort()).toEqual(["inst2@x.test", "inst@x.test"]);
    const token = linkToken(r.links[0]!.link);
    const rows = await ctx.db.passwordToken.findMany();
    expect(rows.some((row) => row.tokenHash === createHash("sha256").update(token).digest("hex"))).toBe(true);
    expect(rows.every((row) => !row.tokenHash.includes(token))).toBe(true);
    expect(await ctx.db.auditLog.count({ where: { action: "roster.invite" } })).toBe(1);
  });

  it("a link sets the password once; the second use, a replaced link and an expired link are refused", async () => {
    const student = ctx.students[0]!;
    const old = await issuePasswordToken(ctx.db, student.id, "INVITE", instructor.id);
    const token = await issuePasswordToken(ctx.db, student.id, "INVITE", instructor.id);
    await expect(setPasswordWithToken(ctx.db, old, "replaced-link-pw", "10.5.0.1")).rejects.toThrow(LINK_INVALID);
    expect(await setPasswordWithToken(ctx.db, token, "a-good-password", "10.5.0.1")).toEqual({ email: student.email });
    const user = await ctx.db.user.findUniqueOrThrow({ where: { id: student.id } });
    expect(await verifyPassword("a-good-password", user.passwordHash)).toBe(true);
    await expect(setPasswordWithToken(ctx.db, token, "another-password", "10.5.0.1")).rejects.toThrow(LINK_INVALID);
    const expired = await issuePasswordToken(ctx.db, student.id, "RESET", null, new Date(Date.now() - 2 * 3600_000));
    expect(await findUsableToken(ctx.db, expired)).toBeNull();
    await expect(setPasswordWithToken(ctx.db, expired, "another-password", "10.5.0.1")).rejects.toThrow(LINK_INVALID);
    expect(await ctx.db.auditLog.count({ where: { action: "password.set-from-invitation", targetId: student.id } })).toBe(1);
  });

  it("guessing links is throttled like passwords: after 5 misses from an address even a good link is refused there with 429", async () => {
    const ip = "10.6.0.1";
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++)
      await setPasswordWithToken(ctx.db, `guess-${i}-${"x".repeat(30)}`, "whatever-password", ip).catch(() => {});
    const good = await issuePasswordToken(ctx.db, ctx.students[1]!.id, "INVITE", instructor.id);
    await expect(setPasswordWithToken(ctx.db, good, "a-good-password", ip)).rejects.toMatchObject({ status: 429 });
    expect(await setPasswordWithToken(ctx.db, good, "a-good-password", "10.6.0.2")).toEqual({ email: ctx.students[1]!.email });
  });

  it("a TA gets links for students only, and no one gets a link for themselves", async () => {
    const r = await invitePeople(
      ctx.db,
      { ...ctx.course, termId: ctx.term.id },
      { id: ctx.ta.id, role: "TA" },
      { userIds: [ctx.students[2]!.id, otherInstructorId, ctx.ta.id] },
    );
    expect(r.links.map((l) => l.email)).toEqual([ctx.students[2]!.email]);
    expect(r.skipped.map((s) => s.email).sort()).toEqual(["inst2@x.test", "ta@x.test"]);
  });

  it("forgot password without mail settings sends nothing and writes no link, whatever the address", async () => {
    const before = await ctx.db.passwordToken.count();
    await requestPasswordReset(ctx.db, ctx.students[0]!.email, "10.7.0.1");
    await requestPasswordReset(ctx.db, "nobody@x.test", "10.7.0.1");
    expect(await ctx.db.passwordToken.count()).toBe(before);
    expect(await ctx.db.mailOutbox.count()).toBe(0);
  });
});

describe("the mail outbox", () => {
  it("two senders claiming at once never get the same mail; a failure is retried later, then FAILED and shown to staff", async () => {
    await enqueueMail(
      ctx.db,
      Array.from({ length: 6 }, (_, i) => ({ to: `m${i}@x.test`, subject: "s", text: "t", courseId: ctx.course.id })),
    );
    const [a, b] = await Promise.all([claimMail(ctx.db, 4, 60_000), claimMail(ctx.db, 4, 60_000)]);
    const ids = [...a!, ...b!].map((m) => m.id);
    expect(ids.length).toBe(6);
    expect(new Set(ids).size).toBe(6);
    const mail = a![0]!;
    await markFailed(ctx.db, mail, "connect ECONNREFUSED 127.0.0.1:25");
    const row = await ctx.db.mailOutbox.findUniqueOrThrow({ where: { id: mail.id } });
    expect(row.status).toBe("QUEUED");
    expect(row.runAfter.getTime()).toBeGreaterThan(Date.now());
    await markFailed(ctx.db, { ...mail, attempts: mail.maxAttempts }, "still refused");
    const problems = await mailProblems(ctx.db, ctx.course.id);
    expect(problems.find((p) => p.id === mail.id)).toMatchObject({ status: "FAILED", lastError: "still refused" });
    await ctx.db.mailOutbox.deleteMany();
  });

  it("with SMTP settings, invitations and resets are mailed by the sender; a mail server outage loses nothing", async () => {
    const received: { to: string; text: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      onData(stream, session, callback) {
        let text = "";
        stream.on("data", (d: Buffer) => (text += d.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), text });
          callback();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.server.address() as AddressInfo).port;
    process.env.SMTP_FROM = "ML theory <course@x.test>";
    // First an outage: nothing listens on this port.
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnvCache();
    const student = ctx.students[3]!;
    const r = await invitePeople(ctx.db, { ...ctx.course, termId: ctx.term.id }, instructor, { userIds: [student.id] });
    expect(r).toMatchObject({ mailed: 1, links: [] });
    let sender = startMailSender({ pollMs: 100 })!;
    await expect.poll(async () => (await ctx.db.mailOutbox.findFirst({ where: { to: student.email } }))?.lastError ?? null, { timeout: 20_000 }).not.toBeNull();
    await sender.stop();
    const waiting = await ctx.db.mailOutbox.findFirstOrThrow({ where: { to: student.email } });
    expect(waiting.status).toBe("QUEUED");
    // The server is back: the same row goes out, with a link that works.
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnvCache();
    await ctx.db.mailOutbox.update({ where: { id: waiting.id }, data: { runAfter: new Date() } });
    sender = startMailSender({ pollMs: 100 })!;
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    expect(received[0]!.to).toBe(student.email);
    const link = /https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/.exec(received[0]!.text.replace(/=\r\n/g, "").replace(/=3D/g, "="))![0];
    expect(await setPasswordWithToken(ctx.db, linkToken(link), "mailed-password", "10.8.0.1")).toEqual({ email: student.email });
    await expect.poll(async () => (await ctx.db.mailOutbox.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("SENT");
    // Forgot password now mails a reset link to a known address, and nothing to an unknown one.
    await requestPasswordReset(ctx.db, student.email, "10.8.0.2");
    await requestPasswordReset(ctx.db, "nobody@x.test", "10.8.0.2");
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
    expect(received[1]!.to).toBe(student.email);
    await sender.stop();
    await new Promise<void>((r) => server.close(() => r()));
  });
});

describe("roster actions", () => {
  it("dropping keeps the work but hides the person from the gradebook and closes the course to them; reactivating undoes it", async () => {
    const s = ctx.students[1]!;
    expect(await applyRosterAction(ctx.db, ctx.term.id, instructor, { action: "drop", userIds: [s.id] })).toEqual({ changed: 1 });
    expect((await computeGradebook(ctx.db, ctx.term.id)).rows.map((r) => r.student.userId)).not.toContain(s.id);
    expect((await computeGradebook(ctx.db, ctx.term.id, { includeDropped: true })).rows.map((r) => r.student.userId)).toContain(s.id);
    await expect(decideCourseAccess(s.id, "ml-theory")).rejects.toMatchObject({ status: 404 });
    expect((await rosterPeople(ctx.db, ctx.term.id)).find((p) => p.userId === s.id)?.dropped).toBe(true);
    await applyRosterAction(ctx.db, ctx.term.id, instructor, { action: "reactivate", userIds: [s.id] });
    expect((await decideCourseAccess(s.id, "ml-theory")).role).toBe("STUDENT");
    expect(await ctx.db.auditLog.count({ where: { action: { in: ["roster.drop", "roster.reactivate"] }, targetId: s.id } })).toBe(2);
  });

  it("unlock lets a throttled person sign in again at once", async () => {
    const s = ctx.students[2]!;
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await recordSignInAttempt(ctx.db, s.email, `10.9.0.${i}`, false);
    expect((await checkSignInThrottle(ctx.db, s.email, "10.9.1.1")).allowed).toBe(false);
    expect((await rosterPeople(ctx.db, ctx.term.id)).find((p) => p.userId === s.id)?.locked).toBe(true);
    await applyRosterAction(ctx.db, ctx.term.id, { id: ctx.ta.id, role: "TA" }, { action: "unlock", userIds: [s.id] });
    expect((await checkSignInThrottle(ctx.db, s.email, "10.9.1.1")).allowed).toBe(true);
  });

  it("roles and sections: instructors change roles, TAs only sections of students; no one changes their own role", async () => {
    const s = ctx.students[3]!;
    await applyRosterAction(ctx.db, ctx.term.id, { id: ctx.ta.id, role: "TA" }, { action: "section", userIds: [s.id], section: "C" });
    await expect(applyRosterAction(ctx.db, ctx.term.id, { id: ctx.ta.id, role: "TA" }, { action: "role", userIds: [s.id], role: "TA" })).rejects.toThrow(
      /Only an instructor/,
    );
    await expect(applyRosterAction(ctx.db, ctx.term.id, { id: ctx.ta.id, role: "TA" }, { action: "drop", userIds: [otherInstructorId] })).rejects.toThrow(
      /Only an instructor/,
    );
    await expect(applyRosterAction(ctx.db, ctx.term.id, instructor, { action: "role", userIds: [instructor.id], role: "TA" })).rejects.toThrow(/your own role/);
    await applyRosterAction(ctx.db, ctx.term.id, instructor, { action: "role", userIds: [s.id], role: "TA" });
    const e = await ctx.db.enrollment.findFirstOrThrow({ where: { userId: s.id } });
    expect([e.role, e.section]).toEqual(["TA", "C"]);
    expect(await ctx.db.auditLog.findFirst({ where: { action: "roster.role", targetId: s.id } })).toMatchObject({
      actorId: instructor.id,
      data: { role: "TA", changed: 1 },
    });
  });
});
