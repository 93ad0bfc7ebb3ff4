/** The server's refusal: its message, and the status for callers that act on it (409: conflict). */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// Sends JSON to a staff route handler; resolves with the body or throws the server's message.
export async function postJson<T = unknown>(url: string, body: unknown, method = "POST"): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new Error("Could not reach the server. Check your connection and try again.");
  }
  const data = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new RequestRefused(res.status, data.error ?? `The server answered ${res.status}. Try again.`);
  return data as T;
}
