// POST {email} — "forgot password": the same answer whether or not the address has an account.
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/body";
import { handler } from "@/lib/http/responses";
import { forgotSchema } from "@/lib/auth/password-schema.shared";
import { RESET_REQUESTED, requestPasswordReset } from "@/lib/auth/invitations";
import { clientIp } from "@/lib/auth/signin-throttle";

export const POST = handler(async (req: Request) => {
  const { email } = forgotSchema.parse(await readJsonBody(req, 4_000));
  await requestPasswordReset(await getDb(), email, clientIp(req.headers));
  return Response.json({ message: RESET_REQUESTED }, { headers: { "Cache-Control": "no-store" } });
});
