// Route-handler plumbing: turns AccessError and zod errors into JSON responses with the right
// status, and anything unexpected into a 500 that says nothing internal (details go to the log).
import { ZodError } from "zod";
import { AccessError } from "@/lib/access";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function jsonError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers });
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof AccessError) return jsonError(error.status, error.message);
  if (error instanceof HttpError) return jsonError(error.status, error.message, error.headers);
  if (error instanceof ZodError) {
    const first = error.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return jsonError(400, `${where}${first?.message ?? "invalid input"}`);
  }
  console.error("unhandled error in route handler", error);
  return jsonError(500, "Something went wrong on our side. Try again; if it keeps happening, tell course staff.");
}

/** Wraps a route handler so every failure becomes a JSON error response. */
export function handler<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
