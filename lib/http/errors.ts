// A refusal with an HTTP status and a message that says what to do. Kept free of Next.js and the
// access guard so that domain code also runs in CLIs and the demo seed; route handlers answer it
// like any HttpError (toErrorResponse in lib/http/responses.ts).
export class StaffError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 422,
    message: string,
  ) {
    super(message);
  }
}
