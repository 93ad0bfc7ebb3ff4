// The running site's admin endpoint for commands on the same machine (npm run user:add), so they
// never open the embedded data folder themselves. It listens on loopback only, refuses any other
// remote address, and answers only a request carrying the token from DATA_DIR/owner.lock (0600),
// compared in constant time. It is not part of the Next.js site and not reachable through it.
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getDb } from "@/lib/db";
import { addPerson, personInput } from "@/lib/auth/add-person";

const MAX_BODY = 16 * 1024;

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4 === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Compares the hashes, so neither the length nor the content of the token leaks through timing. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token));
}

function reply(res: http.ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_BODY) throw Object.assign(new Error("The request is over 16 KB."), { status: 413 });
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw Object.assign(new Error("The request body is not JSON."), { status: 400 });
  }
}

export async function handleAdminRequest(req: http.IncomingMessage, res: http.ServerResponse, token: string): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) return reply(res, 403, { error: "The admin endpoint answers this machine only." });
  if (!tokenMatches(req.headers.authorization, token)) return reply(res, 401, { error: "A valid admin token is required (it is in DATA_DIR/owner.lock)." });
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  try {
    if (req.method === "GET" && url.pathname === "/health") return reply(res, 200, { ok: true, pid: process.pid });
    if (req.method === "POST" && url.pathname === "/users") {
      const parsed = personInput.safeParse(await readJson(req));
      if (!parsed.success) return reply(res, 400, { error: parsed.error.issues.map((i) => i.message).join("; ") });
      return reply(res, 200, { ok: true, ...(await addPerson(await getDb(), parsed.data)) });
    }
    return reply(res, 404, { error: `No admin action ${req.method} ${url.pathname}.` });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status) return reply(res, status, { error: (error as Error).message });
    console.error("admin endpoint failed", error);
    return reply(res, 500, { error: "The site could not do that; see its log." });
  }
}

/** Starts the endpoint on a free loopback port. */
export async function startAdminServer(token: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => void handleAdminRequest(req, res, token));
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) };
}
