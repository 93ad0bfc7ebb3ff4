// Checks an id_token launch (LTI Core 1.3 §5.1.3, 1EdTech Security Framework §5.1.3): the state is
// one this tool issued, unused and unexpired, and came back to the same browser (its cookie); the
// signature verifies against the platform's JWKS; iss, aud, azp, exp and the nonce match; the
// deployment is registered. The state is spent first, atomically, so a replayed post is refused.
import { errors, jwtVerify } from "jose";
import type { PrismaClient, LtiPlatform } from "@/lib/generated/prisma/client";
import { CLAIM, launchClaimsSchema, type LaunchClaims } from "@/lib/lti/claims";
import { platformKeys } from "@/lib/lti/jwks-cache";
import { hasStateCookie } from "@/lib/lti/login";
import { deploymentIdsOf } from "@/lib/lti/platforms";
import { LaunchRefused } from "@/lib/lti/refusal";

export type VerifiedLaunch = { platform: LtiPlatform; claims: LaunchClaims; state: string };

export async function verifyLaunch(db: PrismaClient, req: Request, form: { id_token?: string; state?: string }): Promise<VerifiedLaunch> {
  const state = form.state;
  if (!state) throw new LaunchRefused("missing-state");
  if (!form.id_token) throw new LaunchRefused("bad-request", 400, "id_token is missing");
  const login = await db.ltiLogin.findUnique({ where: { state }, include: { platform: true } });
  if (!login) throw new LaunchRefused("unknown-state");
  if (login.usedAt) throw new LaunchRefused("replayed");
  if (login.expiresAt < new Date()) throw new LaunchRefused("expired", 400, "the sign-in took longer than 10 minutes");
  if (!hasStateCookie(req, state)) throw new LaunchRefused("state-cookie");
  // Spent before the token is even looked at, atomically: whatever is posted with this state,
  // valid or not, it is the only post it gets, and of two at once one wins.
  const spent = await db.ltiLogin.updateMany({ where: { state, usedAt: null }, data: { usedAt: new Date() } });
  if (spent.count !== 1) throw new LaunchRefused("replayed");
  const platform = login.platform;

  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(form.id_token, platformKeys(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ["RS256", "RS384", "RS512", "ES256", "PS256"],
      clockTolerance: 30,
    }));
  } catch (error) {
    throw refusalOf(error);
  }
  // With several audiences the platform must name us as the authorized party (OIDC Core §3.1.3.7).
  const aud = payload.aud;
  if ((Array.isArray(aud) && aud.length > 1 && payload.azp === undefined) || (payload.azp !== undefined && payload.azp !== platform.clientId))
    throw new LaunchRefused("wrong-azp");
  const parsed = launchClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LaunchRefused("bad-request", 400, `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  const claims = parsed.data;
  if (claims.nonce !== login.nonce) throw new LaunchRefused("bad-nonce");
  if (!deploymentIdsOf(platform).includes(claims[CLAIM.deploymentId])) throw new LaunchRefused("unknown-deployment", 403, claims[CLAIM.deploymentId]);
  return { platform, claims, state };
}

function refusalOf(error: unknown): LaunchRefused {
  if (error instanceof errors.JWTExpired) return new LaunchRefused("expired", 400, "the id_token has expired");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return new LaunchRefused("wrong-audience");
    if (error.claim === "iss") return new LaunchRefused("wrong-issuer");
    return new LaunchRefused("bad-request", 400, `${error.claim}: ${error.reason}`);
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid
  )
    return new LaunchRefused("bad-signature");
  console.error("LTI launch: id_token could not be verified", error);
  return new LaunchRefused("bad-signature", 400, error instanceof Error ? error.message : undefined);
}
