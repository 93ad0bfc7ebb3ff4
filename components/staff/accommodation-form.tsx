"use client";
// Sets one student's accommodation (extra days on every assignment) and late days granted on top
// of the course budget; both are whole days, 0 for none.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "./post-json";
import { useStaffAction } from "./use-staff-action";

type Student = { id: string; label: string; accommodationDays: number; extraLateDays: number };

export function AccommodationForm({ course, students }: { course: string; students: Student[] }) {
  const t = useTranslations("policies");
  const { busy, message, run } = useStaffAction();
  const [userId, setUserId] = useState(students[0]?.id ?? "");
  const current = students.find((s) => s.id === userId);
  const [days, setDays] = useState(String(current?.accommodationDays ?? 0));
  const [extra, setExtra] = useState(String(current?.extraLateDays ?? 0));
  const [reason, setReason] = useState("");
  if (!students.length) return <p className="notice">{t("noStudents")}</p>;
  return (
    <form
      className="inline-form card accommodation-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await postJson(`/api/courses/${course}/staff/accommodations`, {
            userId,
            accommodationDays: Number(days),
            extraLateDays: Number(extra),
            reason,
          });
          return t("saved");
        });
      }}
    >
      <label>
        {t("student")}
        <select
          value={userId}
          onChange={(e) => {
            const next = students.find((s) => s.id === e.target.value);
            setUserId(e.target.value);
            setDays(String(next?.accommodationDays ?? 0));
            setExtra(String(next?.extraLateDays ?? 0));
          }}
        >
          {students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("accommodationDays")}
        <input type="number" min={0} max={365} step={1} required value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <label>
        {t("extraLateDays")}
        <input type="number" min={0} max={365} step={1} required value={extra} onChange={(e) => setExtra(e.target.value)} />
      </label>
      <label>
        {t("reason")}
        <input type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("reasonHint")} />
      </label>
      <button className="primary" type="submit" disabled={busy}>
        {t("save")}
      </button>
      {message && (
        <p className={message.ok ? "ok-text" : "error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
