// Answers a throttled email+password sign-in before next-auth sees it: 429 with Retry-After (which
// next-auth's own flow cannot send), in the JSON shape its browser client reads, so the sign-in
// form shows the wait. authorize() keeps its own check; this one only adds the HTTP signal.
import "server-only";
import { credentialsSchema, throttleMessage } from "@/lib/auth/credentials.shared";
import { getDb } from "@/lib/db";
import { checkSignInThrottle, clientIp } from "@/lib/auth/signin-throttle";

export async function refuseThrottledSignIn(req: Request): Promise<Response | null> {
  let email: string;
  try {
    const form = await req.clone().formData();
    const parsed = credentialsSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) return null; // next-auth's authorize() explains malformed input
    email = parsed.data.email;
  } catch {
    return null;
  }
  let verdict;
  try {
    verdict = await checkSignInThrottle(await getDb(), email, clientIp(req.headers));
  } catch {
    return null; // a database outage is reported by the sign-in itself
  }
  if (verdict.allowed) return null;
  const signin = new URL("/signin", req.url);
  signin.searchParams.set("error", throttleMessage(verdict.retryAfterSeconds));
  return Response.json(
    { url: signin.toString(), error: throttleMessage(verdict.retryAfterSeconds) },
    { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
