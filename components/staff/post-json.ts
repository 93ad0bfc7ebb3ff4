/** The server's refusal: its message, and the status for callers that act on it (409: conflict).
 *  `unexplained`: the server sent no message of its own (the page words it in the reader's language). */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly unexplained = false,
  ) {
    super(message);
  }
}

/** The server could not be reached at all (the page words it in the reader's language). */
export class ServerUnreachable extends Error {
  constructor() {
    super("Could not reach the server. Check your connection and try again.");
  }
}

// The one way the browser talks JSON to our route handlers: resolves with the body or throws the
// server's message (RequestRefused), or a plain one when the server could not be reached.
async function requestJson<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ServerUnreachable();
  }
  const data = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new RequestRefused(res.status, data.error ?? `The server answered ${res.status}. Try again.`, data.error === undefined);
  return data as T;
}

/** Sends `body` as JSON (POST unless said otherwise). */
export async function postJson<T = unknown>(url: string, body: unknown, method: "POST" | "PUT" | "DELETE" = "POST"): Promise<T> {
  return requestJson<T>(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Reads JSON, never from the browser's cache (progress that changes by the second). */
export async function getJson<T = unknown>(url: string): Promise<T> {
  return requestJson<T>(url, { cache: "no-store" });
}

/** What to show a person for a failure caught in a form. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
