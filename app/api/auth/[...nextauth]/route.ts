// next-auth's routes. An email+password sign-in that is throttled is refused here first, with
// 429 and Retry-After; everything else is next-auth's.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { refuseThrottledSignIn } from "@/lib/signin-refusal";

const nextAuthHandler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function post(req: Request, ctx: Ctx): Promise<Response> {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const refused = await refuseThrottledSignIn(req);
    if (refused) return refused;
  }
  return nextAuthHandler(req, ctx) as Promise<Response>;
}

export { nextAuthHandler as GET, post as POST };
