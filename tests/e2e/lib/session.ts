// A signed-in HTTP client for the built site without a browser: a cookie jar over fetch, and
// next-auth's credentials flow (GET /api/auth/csrf, then POST /api/auth/callback/credentials).
export class Session {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** fetch with this session's cookies; redirects are returned, not followed. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    const res = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      if (eq > 0) this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return res;
  }

  /** JSON request with the browser's headers (same Origin); body is sent as given when a string. */
  json(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(path, {
      method,
      headers: { "content-type": "application/json", origin: this.baseUrl, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  /** Signs in with email and password; true when next-auth set a session cookie. */
  async signIn(email: string, password: string): Promise<boolean> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.baseUrl },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, callbackUrl: `${this.baseUrl}/courses`, json: "true" }),
    });
    await res.arrayBuffer();
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }
}
