// Why a launch was refused, in words for the person who sees it (what was wrong, what to do).
// The code goes in the page too, so an LMS admin can match a user's report to the cause.
export type RefusalCode =
  | "missing-state"
  | "unknown-state"
  | "state-cookie"
  | "replayed"
  | "expired"
  | "bad-signature"
  | "wrong-issuer"
  | "wrong-audience"
  | "wrong-azp"
  | "bad-nonce"
  | "unknown-deployment"
  | "unknown-platform"
  | "bad-request"
  | "no-email"
  | "no-role"
  | "no-context"
  | "not-linked"
  | "dropped"
  | "not-staff"
  | "bad-target";

export class LaunchRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly status = 400,
    readonly detail?: string,
  ) {
    super(code);
  }
}
