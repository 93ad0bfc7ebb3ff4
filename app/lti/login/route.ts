// GET|POST /lti/login — OIDC login initiation from the LMS (public LTI endpoint; zod-validated).
// Inside the LMS's iframe (Sec-Fetch-Dest: iframe) the site's SameSite=Lax session could not be
// set, so the person gets a button that starts the same login in a new top-level window.
import { getDb } from "@/lib/db";
import { siteUrl } from "@/lib/auth/site-url";
import { ltiEndpoint } from "@/lib/lti/endpoint";
import { readForm } from "@/lib/lti/form";
import { loginParamsSchema, startLogin, stateCookie } from "@/lib/lti/login";
import { escapeHtml, htmlPage, ltiMessages } from "@/lib/lti/pages";
import { findPlatformForLogin } from "@/lib/lti/platforms";
import { LaunchRefused } from "@/lib/lti/refusal";

export const dynamic = "force-dynamic";

const login = ltiEndpoint(async (req) => {
  const parsed = loginParamsSchema.safeParse(await readForm(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LaunchRefused("bad-request", 400, `${issue?.path.join(".") || "request"}: ${issue?.message ?? "invalid"}`);
  }
  const db = await getDb();
  if (req.headers.get("sec-fetch-dest") === "iframe") {
    const platform = await findPlatformForLogin(db, parsed.data.iss, parsed.data.client_id);
    if (!platform) throw new LaunchRefused("unknown-platform", 400, parsed.data.iss);
    const { locale, m } = ltiMessages(req);
    const href = `/lti/login?${new URLSearchParams(Object.entries(parsed.data).filter((e): e is [string, string] => typeof e[1] === "string"))}`;
    const body = `<h1>${escapeHtml(m.breakoutTitle)}</h1><p>${escapeHtml(m.breakoutText)}</p><p><a class="button" id="lti-open" href="${escapeHtml(href)}" target="_blank" rel="opener">${escapeHtml(m.breakoutButton)}</a></p>`;
    // Only this page may be framed, and only by the platform that launched it.
    const origins = [...new Set([new URL(platform.issuer).origin, new URL(platform.authUrl).origin])];
    return htmlPage(m.breakoutTitle, body, { locale, frameAncestors: origins });
  }
  const { redirect, state } = await startLogin(db, parsed.data, siteUrl());
  return new Response(null, { status: 302, headers: { location: redirect, "set-cookie": stateCookie(state), "cache-control": "no-store" } });
});

export const GET = login;
export const POST = login;
