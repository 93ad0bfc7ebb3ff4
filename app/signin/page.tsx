import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/access";
import { oidcEnabled } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/auth/credentials.shared";
import { SignInForm } from "@/components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const PROVIDER_ERRORS: Record<string, string> = {
  NotOnRoster: "Your single sign-on account is not on any course roster. Ask your instructor to add your email.",
  OAuthSignin: "Single sign-on failed to start. Try again.",
  OAuthCallback: "Single sign-on did not complete. Try again.",
  SessionRequired: "Sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await currentUser()) redirect(callbackUrl);
  const errorKey = typeof params.error === "string" ? params.error : undefined;
  const t = await getTranslations("signin");
  return (
    <section>
      <h1>{t("title")}</h1>
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={errorKey ? (PROVIDER_ERRORS[errorKey] ?? "Sign-in failed. Try again.") : undefined}
        oidc={oidcEnabled() ? getEnv().OIDC_NAME : undefined}
        email={typeof params.email === "string" ? params.email.slice(0, 254) : undefined}
      />
    </section>
  );
}
