"use client";
// Grant (or change) an extension; dates are typed in the grader's own time zone and sent as ISO.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "./post-json";
import { useStaffAction } from "./use-staff-action";

type Props = { course: string; students: { id: string; label: string }[]; assignments: { slug: string; title: string; dueAt: string }[] };

function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function ExtensionForm({ course, students, assignments }: Props) {
  const { message, setMessage, run } = useStaffAction();
  const t = useTranslations("staff.extensions");
  const [userId, setUserId] = useState(students[0]?.id ?? "");
  const [assignment, setAssignment] = useState(assignments[0]?.slug ?? "");
  const [dueAt, setDueAt] = useState("");
  const [reason, setReason] = useState("");
  const current = assignments.find((a) => a.slug === assignment);
  if (!students.length || !assignments.length) return <p className="notice">{t("needData")}</p>;
  return (
    <form
      className="inline-form card"
      onSubmit={async (e) => {
        e.preventDefault();
        const date = new Date(dueAt);
        if (Number.isNaN(date.getTime())) return setMessage({ ok: false, text: t("chooseDate") });
        await run(async () => {
          await postJson(`/api/courses/${course}/staff/extensions`, { userId, assignment, dueAt: date.toISOString(), reason });
          return t("saved");
        });
      }}
    >
      <label>
        {t("student")}
        <select value={userId} onChange={(e) => setUserId(e.target.value)}>
          {students.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("assignment")}
        <select value={assignment} onChange={(e) => setAssignment(e.target.value)}>
          {assignments.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("newDue")}
        <input
          type="datetime-local"
          required
          value={dueAt}
          min={current ? toLocalInput(current.dueAt) : undefined}
          onChange={(e) => setDueAt(e.target.value)}
        />
      </label>
      <label>
        {t("reason")}
        <input type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("reasonPlaceholder")} />
      </label>
      <button className="primary" type="submit">
        {t("grant")}
      </button>
      {message && (
        <p className={message.ok ? "ok-text" : "error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
    </form>
  );
}

export function RevokeExtension({ course, extensionId }: { course: string; extensionId: string }) {
  const { message, run } = useStaffAction();
  const t = useTranslations("staff.extensions");
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          if (!window.confirm(t("removeConfirm"))) return;
          await run(async () => {
            await postJson(`/api/courses/${course}/staff/extensions`, { extensionId }, "DELETE");
          });
        }}
      >
        {t("remove")}
      </button>
      {message && !message.ok && <div className="bad-text small">{message.text}</div>}
    </>
  );
}
