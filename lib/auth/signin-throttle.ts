// Sign-in throttling kept in PostgreSQL (web servers are stateless): after too many failures for
// one email or from one address within the window, further attempts are refused until it passes.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

/** `remaining`: failures still allowed before the throttle refuses (the sign-in form warns at 1). */
export type ThrottleVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export async function checkSignInThrottle(db: PrismaClient, email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.findMany({ where: { email, success: false, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.signInAttempt.findMany({ where: { ip, success: false, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  const blockedUntil = (rows: { createdAt: Date }[], max: number) => {
    if (rows.length < max) return 0;
    // The window reopens when the oldest failure that keeps the count at the limit expires.
    const pivot = rows[rows.length - max]!;
    return pivot.createdAt.getTime() + WINDOW_MS;
  };
  const until = Math.max(blockedUntil(byEmail, MAX_FAILURES_PER_EMAIL), blockedUntil(byIp, MAX_FAILURES_PER_IP));
  if (until > now.getTime()) return { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
  return { allowed: true, remaining: Math.min(MAX_FAILURES_PER_EMAIL - byEmail.length, MAX_FAILURES_PER_IP - byIp.length) };
}

/** The address a sign-in comes from: the first hop a reverse proxy recorded, else "local". */
export function clientIp(headers: { get(name: string): string | null } | Record<string, unknown> | undefined): string {
  const raw =
    typeof headers?.get === "function"
      ? (headers as { get(n: string): string | null }).get("x-forwarded-for")
      : (headers as Record<string, unknown> | undefined)?.["x-forwarded-for"];
  if (typeof raw === "string" && raw) return raw.split(",")[0]!.trim();
  return "local";
}

export async function recordSignInAttempt(db: PrismaClient, email: string, ip: string, success: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, ip, success } });
}
