export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];

export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (cookie === "en" || cookie === "zh") return cookie;
  if (acceptLanguage && /^zh\b/i.test(acceptLanguage.trim())) return "zh";
  return "en";
}
