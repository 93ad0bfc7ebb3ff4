// The staff routes' messages in the reader's language. Domain code (also run by the CLIs, the seed
// and the tests) words its refusals and row problems in English; this catalog recognizes each
// English message by its template in messages/en.json (staff.serverErrors, gettext-style: the
// English text is the key) and rewords it from the reader's messages file. A message the catalog
// does not know stays English, so a new refusal is never lost, only untranslated.
import { createTranslator } from "next-intl";
import { resolveLocale, type Locale } from "@/i18n/locales";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

type Key = keyof typeof en.staff.serverErrors;
type Entry = { key: Key; pattern: RegExp; names: string[] };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "No question \"{question}\" in {assignment}." -> /^No question "(.+?)" in (.+?)\.$/ with its names. */
function entryOf(key: Key, template: string): Entry {
  const names: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escapeRegExp(part);
      names.push(name);
      return "(.+?)";
    })
    .join("");
  return { key, pattern: new RegExp(`^${source}$`, "s"), names };
}

const CATALOG: Entry[] = (Object.entries(en.staff.serverErrors) as [Key, string][]).map(([key, template]) => entryOf(key, template));
const translators = { zh: createTranslator({ locale: "zh", messages: zh, namespace: "staff.serverErrors" }) };

function reword(message: string, locale: Exclude<Locale, "en">): string | null {
  for (const { key, pattern, names } of CATALOG) {
    const m = pattern.exec(message);
    if (m) return translators[locale](key, Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])));
  }
  return null;
}

/** `message` in `locale`; a zod refusal's field prefix ("reason: ...") is kept as it is. */
export function staffMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const whole = reword(message, locale);
  if (whole !== null) return whole;
  const prefixed = /^([\w.[\]]+: )([\s\S]+)$/.exec(message);
  const rest = prefixed ? reword(prefixed[2]!, locale) : null;
  return rest !== null ? `${prefixed![1]}${rest}` : message;
}

/** The reader's language for a request: the language switch's cookie, else Accept-Language. */
export function requestLocale(req: Request): Locale {
  const cookie = /(?:^|;\s*)locale=([^;]*)/.exec(req.headers.get("cookie") ?? "")?.[1];
  return resolveLocale(cookie, req.headers.get("accept-language"));
}

/** Rewrites a JSON error response's `error` in the request's language; other responses pass. */
export function withLocalizedErrors<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    const res = await fn(...args);
    const locale = args[0] instanceof Request ? requestLocale(args[0]) : "en";
    if (res.ok || locale === "en" || !res.headers.get("content-type")?.includes("application/json")) return res;
    const body = (await res.clone().json()) as { error?: unknown };
    if (typeof body.error !== "string") return res;
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    return Response.json({ ...body, error: staffMessage(body.error, locale) }, { status: res.status, headers });
  };
}

/** A roster preview (or import) with each bad row's problems in the request's language. */
export function localizedRosterReport<R extends { bad: { problems: string[] }[] }>(req: Request, report: R): R {
  const locale = requestLocale(req);
  return { ...report, bad: report.bad.map((b) => ({ ...b, problems: b.problems.map((p) => staffMessage(p, locale)) })) };
}

/** An invitation result with the reason each person was skipped in the request's language. */
export function localizedInviteResult<R extends { skipped: { reason: string }[] }>(req: Request, result: R): R {
  const locale = requestLocale(req);
  return { ...result, skipped: result.skipped.map((s) => ({ ...s, reason: staffMessage(s.reason, locale) })) };
}
