// Platform JWKS, fetched through jose's remote key set (cached, refetched when a new kid appears),
// one per URL for the life of the process.
import { createRemoteJWKSet } from "jose";

const sets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

export function platformKeys(jwksUrl: string) {
  let set = sets.get(jwksUrl);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5000, headers: { "User-Agent": USER_AGENT } });
    sets.set(jwksUrl, set);
  }
  return set;
}

/** Canvas refuses (or throttles) service calls without a User-Agent; every call sends this one. */
export const USER_AGENT = "coursegrade-lti/1.0";
