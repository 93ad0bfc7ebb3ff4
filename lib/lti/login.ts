// OIDC third-party login initiation (LTI Core 1.3 §5.1.1): the platform names itself and the
// person; the tool remembers a fresh state and nonce (single use, 10 minutes) and sends the
// browser to the platform's auth endpoint, which posts the id_token back to /lti/launch.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { findPlatformForLogin } from "@/lib/lti/platforms";
import { LaunchRefused } from "@/lib/lti/refusal";
import { toolUrls } from "@/lib/lti/urls";

export const LOGIN_TTL_MS = 10 * 60_000;
export const STATE_COOKIE_PREFIX = "lti-state-";

export const loginParamsSchema = z.object({
  iss: z.url().max(2000),
  login_hint: z.string().min(1).max(2000),
  target_link_uri: z.url().max(2000),
  lti_message_hint: z.string().max(4000).optional(),
  client_id: z.string().min(1).max(255).optional(),
  lti_deployment_id: z.string().min(1).max(255).optional(),
});
export type LoginParams = z.infer<typeof loginParamsSchema>;

export async function startLogin(db: PrismaClient, params: LoginParams, site: string): Promise<{ redirect: string; state: string }> {
  const platform = await findPlatformForLogin(db, params.iss, params.client_id);
  if (!platform) throw new LaunchRefused("unknown-platform", 400, params.iss);
  if (new URL(params.target_link_uri).origin !== new URL(site).origin) throw new LaunchRefused("bad-target", 400, params.target_link_uri);
  const state = randomBytes(24).toString("base64url");
  const nonce = randomBytes(24).toString("base64url");
  await db.ltiLogin.create({ data: { state, nonce, platformId: platform.id, expiresAt: new Date(Date.now() + LOGIN_TTL_MS) } });
  // Old logins are kept only until they expire; sweeping here keeps the table small without a job.
  await db.ltiLogin.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - LOGIN_TTL_MS) } } });
  const auth = new URL(platform.authUrl);
  const q: Record<string, string> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: toolUrls(site).launch,
    login_hint: params.login_hint,
    state,
    nonce,
  };
  if (params.lti_message_hint) q.lti_message_hint = params.lti_message_hint;
  for (const [k, v] of Object.entries(q)) auth.searchParams.set(k, v);
  return { redirect: auth.toString(), state };
}

/** The state cookie: the only cookie of the site that is SameSite=None (the platform's form post
 *  back to /lti/launch is a cross-site POST, which a Lax cookie would not accompany). */
export function stateCookie(state: string): string {
  return `${STATE_COOKIE_PREFIX}${state}=1; Path=/lti/; Max-Age=${LOGIN_TTL_MS / 1000}; HttpOnly; Secure; SameSite=None`;
}

export function clearStateCookie(state: string): string {
  return `${STATE_COOKIE_PREFIX}${state}=; Path=/lti/; Max-Age=0; HttpOnly; Secure; SameSite=None`;
}

export function hasStateCookie(req: Request, state: string): boolean {
  return (req.headers.get("cookie") ?? "").split(/;\s*/).some((c) => c === `${STATE_COOKIE_PREFIX}${state}=1`);
}
