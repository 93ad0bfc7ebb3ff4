// next-auth v4 configuration: email + password (bcrypt) always, an OIDC provider when OIDC_* are
// set. Sessions are signed JWTs in an httpOnly cookie; a tampered or stale cookie reads as signed out.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { verifyPassword } from "@/lib/auth/passwords";
import { SIGN_IN_ERRORS, credentialsSchema, lastAttemptMessage, throttleMessage } from "@/lib/auth/credentials.shared";
import { WINDOW_MS, checkSignInThrottle, clientIp, recordSignInAttempt } from "@/lib/auth/signin-throttle";

function oidcProvider() {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth" as const,
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"] as ("pkce" | "state")[],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
      },
    },
  ];
}

export function oidcEnabled(): boolean {
  return oidcProvider().length > 0;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new Error(SIGN_IN_ERRORS.malformed);
        const { email, password } = parsed.data;
        const ip = clientIp(req?.headers as Record<string, unknown> | undefined);
        const db = await getDb();
        const verdict = await checkSignInThrottle(db, email, ip);
        if (!verdict.allowed) throw new Error(throttleMessage(verdict.retryAfterSeconds));
        const user = await db.user.findUnique({ where: { email } });
        const ok = await verifyPassword(password, user?.passwordHash);
        await recordSignInAttempt(db, email, ip, ok);
        // With one failure left, say so: the next one locks the account for the whole window.
        if (!ok || !user) throw new Error(verdict.remaining - 1 === 1 ? lastAttemptMessage(WINDOW_MS / 60_000) : SIGN_IN_ERRORS.invalid);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      // Single sign-on only admits people already on a roster (matched by email): enrollment is
      // the instructor's decision, not the identity provider's.
      if (!user.email) return false;
      const db = await getDb();
      const known = await db.user.findUnique({ where: { email: user.email.toLowerCase() } });
      if (!known) return "/signin?error=NotOnRoster";
      user.id = known.id;
      return true;
    },
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
