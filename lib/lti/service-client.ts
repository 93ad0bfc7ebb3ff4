// Calls to a platform's services (AGS, NRPS) with an OAuth2 access token from its token endpoint:
// client_credentials with a JWT assertion signed by the tool's key (1EdTech Security Framework
// §4.1). Tokens are cached per platform and scope set until shortly before they expire. Every call
// sends a User-Agent (Canvas throttles or refuses calls without one).
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { z } from "zod";
import type { LtiPlatform, PrismaClient } from "@/lib/generated/prisma/client";
import { USER_AGENT } from "@/lib/lti/jwks-cache";
import { ALG, signingKey } from "@/lib/lti/tool-keys";

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().optional(), token_type: z.string().optional() });
const cache = new Map<string, { token: string; until: number }>();

export class ServiceError extends Error {}

async function accessToken(db: PrismaClient, platform: LtiPlatform, scopes: string[]): Promise<string> {
  const cacheKey = `${platform.id} ${scopes.join(" ")}`;
  const hit = cache.get(cacheKey);
  if (hit && hit.until > Date.now()) return hit.token;
  const { kid, key } = await signingKey(db);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: ALG, kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenUrl)
    .setIssuedAt()
    .setExpirationTime("5m")
    .setJti(randomBytes(16).toString("base64url"))
    .sign(key);
  const res = await fetch(platform.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", "user-agent": USER_AGENT },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope: scopes.join(" "),
    }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new ServiceError(`the platform's token endpoint answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const body = tokenSchema.parse(await res.json());
  cache.set(cacheKey, { token: body.access_token, until: Date.now() + Math.max(0, (body.expires_in ?? 3600) - 60) * 1000 });
  return body.access_token;
}

export async function serviceFetch(
  db: PrismaClient,
  platform: LtiPlatform,
  scopes: string[],
  url: string,
  init: { method?: string; body?: unknown; contentType?: string; accept?: string } = {},
): Promise<Response> {
  const token = await accessToken(db, platform, scopes);
  const res = await fetch(url, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${token}`,
      "user-agent": USER_AGENT,
      ...(init.accept ? { accept: init.accept } : {}),
      ...(init.body !== undefined ? { "content-type": init.contentType ?? "application/json" } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  if (res.status === 401) cache.delete(`${platform.id} ${scopes.join(" ")}`);
  return res;
}

/** `base` with a path segment added before its query (line item URLs may carry one). */
export function withPath(base: string, segment: string): string {
  const u = new URL(base);
  u.pathname = `${u.pathname.replace(/\/$/, "")}/${segment}`;
  return u.toString();
}
