import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage() {
  const t = await getTranslations("password");
  return (
    <section>
      <h1>{t("forgotTitle")}</h1>
      <p className="muted">{t("forgotLead")}</p>
      <ForgotPasswordForm />
      <p><Link href="/signin">{t("backToSignIn")}</Link></p>
    </section>
  );
}
