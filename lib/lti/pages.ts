// The few HTML pages the LTI route handlers answer with themselves (refusals, the "open in a new
// window" step, the deep-linking auto-post). They carry their own security headers: next.config.ts
// leaves /lti/login, /lti/launch, /lti/jwks, /lti/deep-link-return and /lti/continue to them,
// because the break-out page alone must be framable by the platform and the deep-linking answer
// alone must post a form to the platform.
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { resolveLocale, type Locale } from "@/i18n/locales";
import type { RefusalCode } from "@/lib/lti/refusal";

type LtiMessages = (typeof en)["lti"];
const MESSAGES: Record<Locale, LtiMessages> = { en: en.lti, zh: zh.lti };

export function ltiMessages(req: Request): { locale: Locale; m: LtiMessages } {
  const cookie = /(?:^|;\s*)locale=(en|zh)\b/.exec(req.headers.get("cookie") ?? "")?.[1];
  const locale = resolveLocale(cookie, req.headers.get("accept-language"));
  return { locale, m: MESSAGES[locale] };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

type PageOptions = { status?: number; frameAncestors?: string[]; formAction?: string[]; headers?: Headers; locale: Locale };

export function htmlPage(title: string, body: string, o: PageOptions): Response {
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${(o.formAction ?? []).map((u) => ` ${u}`).join("")}`,
    `frame-ancestors ${o.frameAncestors?.length ? o.frameAncestors.join(" ") : "'none'"}`,
  ].join("; ");
  const headers = o.headers ?? new Headers();
  headers.set("content-type", "text/html; charset=utf-8");
  headers.set("content-security-policy", csp);
  headers.set("x-content-type-options", "nosniff");
  headers.set("referrer-policy", "strict-origin-when-cross-origin");
  headers.set("cache-control", "no-store");
  if (!o.frameAncestors?.length) headers.set("x-frame-options", "DENY");
  const html = `<!doctype html><html lang="${o.locale === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}h1{font-size:1.4rem}.code{color:#666;font-size:.85rem}a.button,button{display:inline-block;background:#1f5fbf;color:#fff;border:0;border-radius:6px;padding:.6rem 1.1rem;text-decoration:none;font-size:1rem;cursor:pointer}</style>
</head><body>${body}</body></html>`;
  return new Response(html, { status: o.status ?? 200, headers });
}

export function refusalPage(req: Request, code: RefusalCode, status: number, detail?: string): Response {
  const { locale, m } = ltiMessages(req);
  const r = m.refused[code];
  const body = `<h1>${escapeHtml(m.refusedTitle)}</h1><p><strong>${escapeHtml(r.what)}</strong></p><p>${escapeHtml(r.todo)}</p>${
    detail ? `<p class="code">${escapeHtml(detail)}</p>` : ""
  }<p class="code">${escapeHtml(m.refusedCode)}: ${code}</p>`;
  return htmlPage(m.refusedTitle, body, { status, locale });
}
