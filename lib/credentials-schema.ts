// Sign-in form input, shared by the browser form (instant feedback) and the server (the check).
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
