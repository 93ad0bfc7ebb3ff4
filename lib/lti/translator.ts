// The LMS pages' messages for a server component, without next-intl's request-bound server API:
// the staff page is also rendered outside a request by tests/integration/staff-access.test.ts
// (there, and wherever no request is at hand, English).
import { createTranslator } from "next-intl";
import { cookies, headers } from "next/headers";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { resolveLocale, type Locale } from "@/i18n/locales";

export async function ltiTranslator() {
  let locale: Locale = "en";
  try {
    locale = resolveLocale((await cookies()).get("locale")?.value, (await headers()).get("accept-language"));
  } catch {
    // no request scope
  }
  return createTranslator({ locale, messages: locale === "zh" ? zh : en, namespace: "lti" });
}
