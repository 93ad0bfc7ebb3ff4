import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { findUsableToken } from "@/lib/auth/password-tokens";
import { SetPasswordForm } from "@/components/set-password-form";

// Public: the link's token is the credential. Nothing here is cached or indexed.
export const metadata: Metadata = { title: "Set your password", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const [row, t] = await Promise.all([token ? findUsableToken(await getDb(), token) : null, getTranslations("password")]);
  return (
    <section>
      <h1>{t("setTitle")}</h1>
      {row ? (
        <SetPasswordForm token={token} email={row.user.email} />
      ) : (
        <>
          <p className="error" role="alert">
            {t("invalid")}
          </p>
          <p>
            <Link href="/forgot-password">{t("forgotTitle")}</Link> · <Link href="/signin">{t("backToSignIn")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
