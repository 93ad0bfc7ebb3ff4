// Sign-in form input and the server's sign-in messages, shared by the browser form (instant
// feedback, messages shown in the reader's language) and the server (the check, the wording).
import { z } from "zod";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address, like name@university.edu").max(254),
  password: z.string().min(1, "Enter your password").max(1024, "That password is too long"),
});

/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeCallbackUrl(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/courses";
  return raw;
}

export const SIGN_IN_ERRORS = {
  invalid: "Wrong email or password.",
  malformed: "Enter a valid email address and your password.",
} as const;

/** What a refused person reads: the wait, in minutes. */
export function throttleMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The minutes a throttleMessage() names, or null for any other message. */
export function throttledMinutes(message: string): number | null {
  const m = /^Too many failed sign-ins\. Try again in (\d+) minutes?\.$/.exec(message);
  return m ? Number(m[1]) : null;
}

/** A wrong password when the next failure starts the throttle: the person is warned first. */
export function lastAttemptMessage(windowMinutes: number): string {
  return `Wrong email or password. One attempt is left: after one more failure, sign-in for this account pauses for ${windowMinutes} minutes.`;
}

/** The minutes a lastAttemptMessage() names, or null for any other message. */
export function lastAttemptMinutes(message: string): number | null {
  const m = /^Wrong email or password\. One attempt is left: after one more failure, sign-in for this account pauses for (\d+) minutes\.$/.exec(message);
  return m ? Number(m[1]) : null;
}
