// The UI language: a cookie the language switch sets (remembered for a year), else the browser's
// Accept-Language, else English. Messages live in messages/<locale>.json.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { resolveLocale } from "@/i18n/locales";

export default getRequestConfig(async () => {
  const cookie = (await cookies()).get("locale")?.value;
  const accept = (await headers()).get("accept-language");
  const locale = resolveLocale(cookie, accept);
  return { locale, messages: (await import(`../messages/${locale}.json`)).default, timeZone: "UTC" };
});
