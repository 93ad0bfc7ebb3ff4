// handler() from lib/http, plus StaffError → the same JSON error response as HttpError.
import { HttpError, handler } from "@/lib/http";
import { StaffError } from "@/lib/staff/errors";

export function staffHandler<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return handler(async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (error instanceof StaffError) throw new HttpError(error.status, error.message);
      throw error;
    }
  });
}
