// Route-handler plumbing: turns HttpError (the one refusal type) and zod errors into JSON responses with
// the right status, and anything unexpected into a 500 that says nothing internal (details go to the log).
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { HttpError } from "@/lib/http/http-error";

export { HttpError };

export function jsonError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers });
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof HttpError) return jsonError(error.status, error.message, error.headers);
  if (error instanceof ZodError) {
    const first = error.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return jsonError(400, `${where}${first?.message ?? "invalid input"}`);
  }
  if (isDatabaseUnavailable(error)) {
    console.error("database unavailable in route handler:", error instanceof Error ? error.message.trim().split("\n").pop() : error);
    return jsonError(503, "The site cannot reach its database just now. Please try again in a moment.", { "Retry-After": "5" });
  }
  console.error("unhandled error in route handler", error);
  return jsonError(500, "Something went wrong on our side. Try again; if it keeps happening, tell course staff.");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for state-changing requests: the browser's Origin (or, failing that, Referer) must
 * be this site. Session cookies are SameSite=Lax too; this also covers same-site subdomains.
 */
export function checkSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const source = req.headers.get("origin") ?? req.headers.get("referer");
  if (!source) return; // non-browser clients send neither; they cannot carry a victim's cookies
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    throw new HttpError(403, "This request came from another site and was refused.");
  }
  if (!host || sourceHost !== host) throw new HttpError(403, "This request came from another site and was refused.");
}

/** Wraps a route handler so every failure becomes a JSON error response. */
export function handler<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      if (args[0] instanceof Request) checkSameOrigin(args[0]);
      return await fn(...args);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
