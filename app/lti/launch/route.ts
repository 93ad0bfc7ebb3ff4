// POST /lti/launch — the id_token launch (public LTI endpoint; the platform's signed token and our
// single-use state are its credentials, lib/lti/launch.ts checks every claim). On success: the
// same next-auth session the password sign-in makes, then on to the assignment (or the picker).
import { z } from "zod";
import { getDb } from "@/lib/db";
import { completeLaunch } from "@/lib/lti/complete-launch";
import { ltiEndpoint } from "@/lib/lti/endpoint";
import { readForm } from "@/lib/lti/form";
import { verifyLaunch } from "@/lib/lti/launch";
import { clearStateCookie } from "@/lib/lti/login";
import { LaunchRefused } from "@/lib/lti/refusal";
import { sessionCookie } from "@/lib/lti/session";

export const dynamic = "force-dynamic";

const formSchema = z.object({ id_token: z.string().max(60_000).optional(), state: z.string().max(200).optional(), error: z.string().max(200).optional() });

export const POST = ltiEndpoint(async (req) => {
  const parsed = formSchema.safeParse(await readForm(req));
  if (!parsed.success) throw new LaunchRefused("bad-request", 400, "the launch form has oversized fields");
  // A platform that refused the login itself says why in `error` (OIDC): show it.
  if (parsed.data.error && !parsed.data.id_token) throw new LaunchRefused("bad-request", 400, `the LMS answered: ${parsed.data.error}`);
  const db = await getDb();
  const verified = await verifyLaunch(db, req, parsed.data);
  const outcome = await completeLaunch(db, verified);
  const headers = new Headers({ location: outcome.redirect, "cache-control": "no-store" });
  headers.append("set-cookie", await sessionCookie(outcome.user));
  headers.append("set-cookie", clearStateCookie(verified.state));
  return new Response(null, { status: 303, headers });
});
