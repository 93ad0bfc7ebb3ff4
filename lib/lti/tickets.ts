// Short-lived signed tickets that carry a verified launch's facts to the next page (link this
// context to a course, pick assignments to deep-link) without trusting anything the browser sends.
// HS256 with a key derived from NEXTAUTH_SECRET; each ticket names its purpose and its person.
import { createHash } from "node:crypto";
import { SignJWT, jwtVerify } from "jose";
import { z } from "zod";
import { HttpError } from "@/lib/http/http-error";

const TTL = "1h";

function key(): Uint8Array {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set (npm start sets it)");
  return createHash("sha256").update(`lti-ticket:${secret}`).digest();
}

export const deepLinkTicketSchema = z.object({
  purpose: z.literal("deep-link"),
  uid: z.string(),
  ctx: z.string(),
  returnUrl: z.url(),
  data: z.string().optional(),
  deploymentId: z.string(),
  multiple: z.boolean(),
});
export const linkTicketSchema = z.object({ purpose: z.literal("link"), uid: z.string(), ctx: z.string(), next: z.string().startsWith("/") });
export type DeepLinkTicket = z.infer<typeof deepLinkTicketSchema>;
export type LinkTicket = z.infer<typeof linkTicketSchema>;

export async function issueTicket(claims: DeepLinkTicket | LinkTicket): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt().setExpirationTime(TTL).sign(key());
}

export async function readTicket<S extends z.ZodType>(schema: S, token: string | null | undefined, userId: string): Promise<z.output<S>> {
  if (!token) throw new HttpError(400, "This page needs the link from your LMS: launch the tool from your LMS course again.");
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key(), { algorithms: ["HS256"] }));
  } catch {
    throw new HttpError(400, "This link has expired or was altered: launch the tool from your LMS course again.");
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new HttpError(400, "This link is not meant for this page: launch the tool from your LMS course again.");
  if ((parsed.data as { uid: string }).uid !== userId) throw new HttpError(403, "This link was made for someone else: launch the tool from your LMS yourself.");
  return parsed.data;
}
