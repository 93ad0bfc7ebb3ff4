"use client";
// Override one question's score for one student, with a reason (kept in the audit log).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "./post-json";
import { useStaffAction } from "./use-staff-action";

type Props = { course: string; assignment: string; question: string; userId: string; max: number; hasOverride: boolean };

export function OverrideForm(props: Props) {
  const { busy, message, run } = useStaffAction();
  const t = useTranslations("staff.override");
  const [open, setOpen] = useState(false);
  const [score, setScore] = useState("");
  const [reason, setReason] = useState("");
  const send = (value: number | null) =>
    run(async () => {
      await postJson(`/api/courses/${props.course}/staff/overrides`, {
        assignment: props.assignment,
        question: props.question,
        userId: props.userId,
        score: value,
        reason,
      });
      setOpen(false);
      setScore("");
      setReason("");
    });
  if (!open)
    return (
      <button type="button" className="secondary small" onClick={() => setOpen(true)}>
        {props.hasOverride ? t("change") : t("open")}
      </button>
    );
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send(Number(score));
      }}
    >
      <label>
        {t("score", { max: props.max })}
        <input type="number" step="0.01" min={0} max={props.max} required value={score} onChange={(e) => setScore(e.target.value)} />
      </label>
      <label>
        {t("reason")}
        <input
          type="text"
          required
          minLength={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("reasonPlaceholder")}
        />
      </label>
      <button className="primary" type="submit" disabled={busy}>
        {t("save")}
      </button>
      {props.hasOverride && (
        <button className="secondary" type="button" disabled={busy || reason.trim().length < 3} onClick={() => void send(null)}>
          {t("remove")}
        </button>
      )}
      <button className="secondary" type="button" onClick={() => setOpen(false)}>
        {t("cancel")}
      </button>
      {message && !message.ok && (
        <p className="error" role="alert">
          {message.text}
        </p>
      )}
    </form>
  );
}
