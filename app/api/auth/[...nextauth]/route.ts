// next-auth's routes. Every POST body is read here first with a small cap (a sign-in form is
// well under 1 KB; next-auth would read any size), and an email+password sign-in that is
// throttled is refused with 429 and Retry-After; everything else is next-auth's.
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth";
import { toErrorResponse } from "@/lib/http/responses";
import { readBodyBytes } from "@/lib/http/body";
import { refuseThrottledSignIn } from "@/lib/auth/signin-refusal";

const nextAuthHandler = NextAuth(authOptions);
const MAX_AUTH_BODY = 16 * 1024;

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function post(req: Request, ctx: Ctx): Promise<Response> {
  let body: Buffer;
  try {
    body = await readBodyBytes(req, MAX_AUTH_BODY);
  } catch (e) {
    return toErrorResponse(e);
  }
  const buffered = new NextRequest(req.url, { method: "POST", headers: req.headers, body: new Uint8Array(body) });
  if (buffered.nextUrl.pathname.endsWith("/callback/credentials")) {
    const refused = await refuseThrottledSignIn(buffered);
    if (refused) return refused;
  }
  return nextAuthHandler(buffered, ctx) as Promise<Response>;
}

export { nextAuthHandler as GET, post as POST };
