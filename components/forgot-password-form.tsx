"use client";
// Asks for a reset link. The server answers the same whether or not the address has an account.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { forgotSchema } from "@/lib/auth/password-schema.shared";
import { postJson } from "@/components/staff/post-json";

export function ForgotPasswordForm() {
  const t = useTranslations("password");
  const ts = useTranslations("signin");
  const [error, setError] = useState<string>();
  const [answer, setAnswer] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = forgotSchema.safeParse({ email: new FormData(event.currentTarget).get("email") });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    setBusy(true);
    try {
      setAnswer((await postJson<{ message: string }>("/api/password/forgot", parsed.data)).message);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  if (answer)
    return (
      <p className="notice" role="status">
        {answer}
      </p>
    );
  return (
    <form method="post" className="stack card" onSubmit={onSubmit} noValidate>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <label>
        {ts("email")}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <button className="primary" type="submit" disabled={busy}>
        {busy ? t("sending") : t("send")}
      </button>
    </form>
  );
}
