// The sign-in form shows the server's throttle refusal in the reader's language by reading the
// minutes back out of the server's message; the two must stay in step.
import { describe, expect, it } from "vitest";
import { SIGN_IN_ERRORS, lastAttemptMessage, lastAttemptMinutes, throttleMessage, throttledMinutes } from "@/lib/auth/credentials.shared";

describe("sign-in messages", () => {
  it("reads back the minutes of every throttle message, singular and plural", () => {
    expect(throttleMessage(60)).toBe("Too many failed sign-ins. Try again in 1 minute.");
    expect(throttledMinutes(throttleMessage(60))).toBe(1);
    expect(throttledMinutes(throttleMessage(899))).toBe(15);
  });
  it("reads nothing from other messages", () => {
    expect(throttledMinutes(SIGN_IN_ERRORS.invalid)).toBeNull();
    expect(throttledMinutes("CredentialsSignin")).toBeNull();
  });
  it("reads back the minutes of the last-attempt warning, and nothing from the other messages", () => {
    expect(lastAttemptMinutes(lastAttemptMessage(15))).toBe(15);
    expect(lastAttemptMinutes(SIGN_IN_ERRORS.invalid)).toBeNull();
    expect(lastAttemptMinutes(throttleMessage(900))).toBeNull();
    expect(throttledMinutes(lastAttemptMessage(15))).toBeNull();
  });
});
