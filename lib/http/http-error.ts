// The one refusal type: an HTTP status, a message a person can act on, and optional headers
// (Retry-After). Free of Next.js, the database and the access guard, so domain code that also runs
// in CLIs and the demo seed can throw it; route handlers answer it via toErrorResponse (lib/http.ts).
export type HttpErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

export class HttpError extends Error {
  constructor(
    readonly status: HttpErrorStatus,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** The header that tells a client (and the student's page) when to try again. */
export function retryAfter(seconds: number): Record<string, string> {
  return { "Retry-After": String(seconds) };
}
