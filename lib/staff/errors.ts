// A refusal with an HTTP status and a message that says what to do. Kept free of Next.js and the
// access guard so that lib/staff also runs in CLIs and the demo seed; route handlers map it with
// staffHandler (lib/staff/http.ts).
export class StaffError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 422,
    message: string,
  ) {
    super(message);
  }
}
