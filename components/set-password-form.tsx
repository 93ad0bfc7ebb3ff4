"use client";
// Sets a password from an invitation or reset link: checked here as typed (same schema as the
// server), then sent; on success the person goes on to sign in.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { MIN_PASSWORD, setPasswordSchema } from "@/lib/auth/password-schema.shared";
import { postJson } from "@/components/staff/post-json";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("password");
  const [errors, setErrors] = useState<{ password?: string; confirm?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = setPasswordSchema.safeParse({ token, password: form.get("password"), confirm: form.get("confirm") });
    if (!parsed.success) {
      const errs: typeof errors = {};
      for (const issue of parsed.error.issues)
        errs[(issue.path[0] === "confirm" ? "confirm" : issue.path[0] === "password" ? "password" : "form") as "form"] ??= issue.message;
      return setErrors(errs);
    }
    setErrors({});
    setBusy(true);
    try {
      await postJson("/api/password", parsed.data);
      setDone(true);
    } catch (e) {
      setErrors({ form: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className="card stack">
        <p className="ok-text" role="status">
          {t("done", { email })}
        </p>
        <p>
          <a className="button primary" href={`/signin?email=${encodeURIComponent(email)}`}>
            {t("toSignIn")}
          </a>
        </p>
      </div>
    );
  }
  return (
    <form method="post" className="stack card" onSubmit={onSubmit} noValidate>
      <p className="muted">{t("setFor", { email, min: MIN_PASSWORD })}</p>
      {errors.form && (
        <p className="error" role="alert">
          {errors.form}
        </p>
      )}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <label>
        {t("newPassword")}
        <input name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD} required aria-invalid={Boolean(errors.password)} />
        {errors.password && <span className="error">{errors.password}</span>}
      </label>
      <label>
        {t("confirm")}
        <input name="confirm" type="password" autoComplete="new-password" required aria-invalid={Boolean(errors.confirm)} />
        {errors.confirm && <span className="error">{errors.confirm}</span>}
      </label>
      <button className="primary" type="submit" disabled={busy}>
        {busy ? t("saving") : t("save")}
      </button>
    </form>
  );
}
