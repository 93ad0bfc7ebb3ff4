// Pages during a database outage answer 503 with Retry-After and a page that reloads itself, as the
// API does (lib/http.ts). Next.js cannot set a page's status from a server component or an error
// boundary, so the custom server does it: a page whose render failed (5xx) is held back, the
// database is probed, and if it is unreachable the outage page goes out instead; while it stays
// unreachable, pages get the outage page at once (probed at most once a second) until it is back.
import type http from "node:http";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

export const OUTAGE_RETRY_SECONDS = 5;
const PROBE_EVERY_MS = 1000;

const OUTAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${OUTAGE_RETRY_SECONDS}">
<title>Back in a moment · Course platform</title>
<style>
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2937; background: #f8fafc; margin: 0; }
  main { max-width: 36rem; margin: 12vh auto; padding: 2rem; background: #fff; border: 1px solid #e2e8f0; border-radius: 12px; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  .muted { color: #64748b; font-size: 0.95rem; }
</style>
</head>
<body>
<main>
<h1>The site cannot reach its database just now</h1>
<p>Your saved work is safe. This page tries again by itself every ${OUTAGE_RETRY_SECONDS} seconds; there is no need to do anything.</p>
<p lang="zh-CN">网站暂时无法连接数据库。已保存的内容不会丢失；本页每 ${OUTAGE_RETRY_SECONDS} 秒自动重试，无需操作。</p>
<p class="muted">If this lasts more than a few minutes, tell course staff.</p>
</main>
</body>
</html>
`;

/** A page a browser navigates to: not the API, not Next's assets or an RSC fetch, not a static file. */
function isPageRequest(req: http.IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const path = (req.url ?? "/").split("?")[0]!;
  if (path.startsWith("/api/") || path.startsWith("/_next/") || req.headers.rsc) return false;
  return !/\.[A-Za-z0-9]+$/.test(path);
}

function sendOutagePage(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  writeHead: http.ServerResponse["writeHead"],
  end: http.ServerResponse["end"],
): void {
  // Whatever the failed render had set (its length, its compression) does not describe this body.
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  (writeHead as (status: number, headers: http.OutgoingHttpHeaders) => http.ServerResponse).call(res, 503, {
    "Content-Type": "text/html; charset=utf-8",
    "Retry-After": String(OUTAGE_RETRY_SECONDS),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  (end as (body?: string) => http.ServerResponse).call(res, req.method === "HEAD" ? undefined : OUTAGE_HTML);
}

/**
 * Wraps the site's request handler. `databaseReachable` should answer within a few
 * seconds; it is only asked after a page failed, and while the database is known to be down.
 */
export function withOutagePage(handle: Handler, databaseReachable: () => Promise<boolean>): Handler {
  let down = false;
  let lastProbe = 0;
  const stillDown = async (): Promise<boolean> => {
    if (Date.now() - lastProbe >= PROBE_EVERY_MS) {
      lastProbe = Date.now();
      down = !(await databaseReachable().catch(() => false));
    }
    return down;
  };

  return async (req, res) => {
    if (!isPageRequest(req)) return handle(req, res);
    const { writeHead, write, end, flushHeaders } = res;
    if (down && (await stillDown())) return sendOutagePage(req, res, writeHead, end);

    // Hold a 5xx page back (it is small) until we know whether the database is the cause. The
    // wrappers stay in place once decided: Next's compression wraps them in turn, so putting the
    // originals back would bypass it.
    let mode: "undecided" | "pass" | "hold" = "undecided";
    const held: { head?: unknown[]; chunks: unknown[][] } = { chunks: [] };
    const decide = (status = res.statusCode) => {
      if (mode === "undecided") mode = status >= 500 ? "hold" : "pass";
      return mode;
    };
    const release = async () => {
      lastProbe = 0;
      const outage = await stillDown();
      mode = "pass"; // from here on (the replay's own implicit writeHead too) everything goes through
      if (outage) return sendOutagePage(req, res, writeHead, end);
      if (held.head) (writeHead as (...a: unknown[]) => void).apply(res, held.head);
      for (const c of held.chunks) (write as (...a: unknown[]) => void).apply(res, c);
      (end as () => void).call(res);
    };
    res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
      if (decide(args[0] as number) === "pass") return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(res, args);
      held.head = args;
      return res;
    } as typeof res.writeHead;
    res.flushHeaders = function () {
      if (decide() === "pass") flushHeaders.call(res);
    };
    res.write = function (...args: unknown[]) {
      if (decide() === "pass") return (write as (...a: unknown[]) => boolean).apply(res, args);
      const cb = args.find((a) => typeof a === "function") as (() => void) | undefined;
      held.chunks.push(args.filter((a) => typeof a !== "function"));
      cb?.();
      return true;
    } as typeof res.write;
    res.end = function (...args: unknown[]) {
      if (decide() === "pass") return (end as (...a: unknown[]) => http.ServerResponse).apply(res, args);
      const body = args.filter((a) => typeof a !== "function");
      if (body.length && body[0] !== undefined) held.chunks.push(body);
      void release();
      return res;
    } as typeof res.end;
    return handle(req, res);
  };
}
