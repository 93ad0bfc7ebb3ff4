"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { errorText, postJson } from "../staff/post-json";

export function LeaderboardOptIn({ course, optedIn, pseudonym }: { course: string; optedIn: boolean; pseudonym: string | null }) {
  const t = useTranslations("leaderboard");
  const router = useRouter();
  const [name, setName] = useState(pseudonym ?? "");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (optIn: boolean) => {
    try {
      await postJson("/api/leaderboard", { course, optIn, ...(optIn ? { pseudonym: name } : {}) }, "PUT");
      setMessage({ ok: true, text: t("saved") });
      router.refresh();
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };
  return (
    <form
      className="card answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(true);
      }}
    >
      <label htmlFor="pseudonym">{t("optIn")}</label>
      <div className="row">
        <input id="pseudonym" type="text" value={name} maxLength={30} onChange={(e) => setName(e.target.value)} />
        <button className="primary" type="submit">
          {t("save")}
        </button>
        {optedIn && (
          <button className="secondary" type="button" onClick={() => void save(false)}>
            {t("optOut")}
          </button>
        )}
      </div>
      {message && (
        <p className={message.ok ? "muted" : "error"} role="status">
          {message.text}
        </p>
      )}
    </form>
  );
}
