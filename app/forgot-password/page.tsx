import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { mailConfigured } from "@/lib/env";
import { ForgotPasswordForm } from "@/components/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };
export const dynamic = "force-dynamic";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("password");
  return (
    <section>
      <h1>{t("forgotTitle")}</h1>
      {/* A site setting, the same for every visitor: it tells nothing about any account. */}
      {mailConfigured() ? (
        <>
          <p className="muted">{t("forgotLead")}</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p className="notice">{t("noMail")}</p>
      )}
      <p>
        <Link href="/signin">{t("backToSignIn")}</Link>
      </p>
    </section>
  );
}
