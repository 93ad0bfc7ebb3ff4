// Signs a person in after a verified launch with exactly the session the credentials sign-in
// makes: next-auth's own JWT encoding, cookie name and flags (httpOnly, SameSite=Lax, Secure and
// the __Secure- prefix on https), and the same jwt callback that puts the user id in `sub`.
import { encode } from "next-auth/jwt";
import { authOptions } from "@/lib/auth";
import { siteUrl } from "@/lib/auth/site-url";

export async function sessionCookie(user: { id: string; email: string; name: string }): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set (npm start sets it)");
  const maxAge = authOptions.session?.maxAge ?? 30 * 24 * 60 * 60;
  let token: Record<string, unknown> = { name: user.name, email: user.email, sub: user.id };
  const jwt = authOptions.callbacks?.jwt;
  if (jwt)
    token = (await jwt({ token, user: { id: user.id, email: user.email, name: user.name }, account: null, trigger: "signIn" })) as Record<string, unknown>;
  const value = await encode({ token, secret, maxAge });
  const secure = siteUrl().startsWith("https://");
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
