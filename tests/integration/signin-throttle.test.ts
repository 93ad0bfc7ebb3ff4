import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_FAILURES_PER_EMAIL, WINDOW_MS, checkSignInThrottle, recordSignInAttempt } from "@/lib/auth/signin-throttle";
import { useFreshDatabase } from "./lib/test-db";

let db: PrismaClient;
beforeAll(async () => (db = await useFreshDatabase()));
afterAll(closeDb);

describe("sign-in throttling", () => {
  it("refuses an email after repeated failures, with the wait, and reopens after the window", async () => {
    const email = "victim@x.test";
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await recordSignInAttempt(db, email, `10.0.0.${i}`, false);
    // One failure left: the sign-in form warns on this one.
    expect(await checkSignInThrottle(db, email, "10.9.9.9")).toEqual({ allowed: true, remaining: 1 });
    await recordSignInAttempt(db, email, "10.0.0.99", false);
    const verdict = await checkSignInThrottle(db, email, "10.9.9.9");
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.retryAfterSeconds).toBeGreaterThan(WINDOW_MS / 1000 - 60);
    expect(await checkSignInThrottle(db, email, "10.9.9.9", new Date(Date.now() + WINDOW_MS + 1000))).toEqual({
      allowed: true,
      remaining: MAX_FAILURES_PER_EMAIL,
    });
  });
  it("does not count successful sign-ins or other people's failures", async () => {
    for (let i = 0; i < 10; i++) await recordSignInAttempt(db, "busy@x.test", "10.1.1.1", true);
    expect(await checkSignInThrottle(db, "busy@x.test", "10.1.1.2")).toEqual({ allowed: true, remaining: MAX_FAILURES_PER_EMAIL });
    expect(await checkSignInThrottle(db, "other@x.test", "10.1.1.3")).toEqual({ allowed: true, remaining: MAX_FAILURES_PER_EMAIL });
  });
});
