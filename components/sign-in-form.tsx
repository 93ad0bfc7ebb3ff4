"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { SIGN_IN_ERRORS, credentialsSchema, lastAttemptMinutes, throttledMinutes } from "@/lib/auth/credentials.shared";

type Props = { callbackUrl: string; initialError: string | undefined; oidc: string | undefined; email?: string | undefined };

export function SignInForm({ callbackUrl, initialError, oidc, email }: Props) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);
  const t = useTranslations("signin");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = credentialsSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const errs: { email?: string; password?: string } = {};
      for (const issue of parsed.error.issues) errs[issue.path[0] as "email" | "password"] ??= issue.message;
      setFieldErrors(errs);
      setError(undefined);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    const res = await signIn("credentials", { ...parsed.data, redirect: false, callbackUrl });
    setBusy(false);
    if (!res || res.error) {
      // A plain miss and the throttle in the UI language; any other message from the server as it is.
      const plainMiss = !res?.error || res.error === "CredentialsSignin" || res.error === SIGN_IN_ERRORS.invalid;
      const minutes = throttledMinutes(res?.error ?? "");
      const lastAttempt = lastAttemptMinutes(res?.error ?? "");
      setError(
        plainMiss
          ? t("wrong")
          : minutes !== null
            ? t("throttled", { minutes })
            : lastAttempt !== null
              ? t("lastAttempt", { minutes: lastAttempt })
              : (res.error ?? undefined),
      );
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <>
      {/* method="post": a submit before the script has loaded re-renders this page instead of
          putting the password in the address bar (a GET form would). */}
      <form method="post" className="stack card" onSubmit={onSubmit} noValidate aria-describedby={error ? "signin-error" : undefined}>
        {error && (
          <p id="signin-error" className="error" role="alert">
            {error}
          </p>
        )}
        <label>
          {t("email")}
          <input
            name="email"
            type="email"
            autoComplete="username"
            defaultValue={email}
            required
            aria-invalid={Boolean(fieldErrors.email)}
            aria-describedby="email-error"
          />
          {fieldErrors.email && (
            <span id="email-error" className="error">
              {fieldErrors.email}
            </span>
          )}
        </label>
        <label>
          {t("password")}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={Boolean(fieldErrors.password)}
            aria-describedby="password-error"
          />
          {fieldErrors.password && (
            <span id="password-error" className="error">
              {fieldErrors.password}
            </span>
          )}
        </label>
        <button className="primary" type="submit" disabled={busy}>
          {busy ? t("busy") : t("submit")}
        </button>
        <a href="/forgot-password">{t("forgot")}</a>
      </form>
      {oidc && (
        <p>
          <button className="secondary" type="button" onClick={() => void signIn("oidc", { callbackUrl })}>
            {t("sso", { name: oidc })}
          </button>
        </p>
      )}
    </>
  );
}
