import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import "katex/dist/katex.min.css";
import "./globals.css";
import { currentUser } from "@/lib/access";
import { SignOutButton } from "@/components/sign-out-button";
import { LanguageSwitch } from "@/components/language-switch";
import { HydrationMark } from "@/components/hydration-mark";

export const metadata: Metadata = {
  title: { default: "Course platform", template: "%s · Course platform" },
  description: "Auto-graded course platform",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [user, locale, t] = await Promise.all([currentUser(), getLocale(), getTranslations("nav")]);
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body>
        <NextIntlClientProvider>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <header className="topbar">
            <Link className="brand" href="/">
              {t("brand")}
            </Link>
            {user && <Link href="/courses">{t("myCourses")}</Link>}
            <span className="spacer" />
            <LanguageSwitch locale={locale === "zh" ? "zh" : "en"} label={t("language")} />
            {user ? (
              <>
                <span className="who">
                  {user.name}
                  <span className="hide-narrow"> · {user.email}</span>
                </span>
                <SignOutButton label={t("signOut")} />
              </>
            ) : (
              <Link href="/signin">{t("signIn")}</Link>
            )}
          </header>
          <main id="main">{children}</main>
          <HydrationMark />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
