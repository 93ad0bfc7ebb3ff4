// POST {token, password, confirm} — sets a password from an invitation or reset link (public:
// the link is the credential; failures count in the sign-in throttle).
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/body";
import { handler } from "@/lib/http/responses";
import { setPasswordSchema } from "@/lib/auth/password-schema.shared";
import { setPasswordWithToken } from "@/lib/auth/password-tokens";
import { clientIp } from "@/lib/auth/signin-throttle";

export const POST = handler(async (req: Request) => {
  const body = setPasswordSchema.parse(await readJsonBody(req, 8_000));
  const { email } = await setPasswordWithToken(await getDb(), body.token, body.password, clientIp(req.headers));
  return Response.json({ email }, { headers: { "Cache-Control": "no-store" } });
});
