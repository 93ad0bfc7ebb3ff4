"use client";
// One small form that posts its fields as JSON (numbers as numbers) and shows the server's answer;
// the admin page's forms and the staff "copy this term" form are all this.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { postJson } from "@/components/staff/post-json";
import { useStaffAction } from "@/components/staff/use-staff-action";

export type Field = { name: string; label: string; type?: "text" | "number" | "date" | "email"; required?: boolean; defaultValue?: string };

type Props = {
  url: string;
  /** Sent with every request, e.g. { action: "term" }. */
  fixed?: Record<string, string>;
  fields: Field[];
  submit: string;
  heading: string;
  intro?: string;
};

export function ActionForm({ url, fixed = {}, fields, submit, heading, intro }: Props) {
  const t = useTranslations("terms");
  const { busy, message, run } = useStaffAction();
  const [link, setLink] = useState<string | null>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const body: Record<string, unknown> = { ...fixed };
    for (const f of fields) {
      const v = String(data.get(f.name) ?? "").trim();
      if (v === "") continue;
      body[f.name] = f.type === "number" ? Number(v) : v;
    }
    setLink(null);
    void run(async () => {
      const answer = await postJson<Record<string, unknown>>(url, body);
      if (typeof answer.link === "string") setLink(answer.link);
      return typeof answer.message === "string" ? answer.message : undefined;
    });
  };
  return (
    <form className="card admin-form" onSubmit={onSubmit} data-form={fixed.action ?? heading}>
      <h3>{heading}</h3>
      {intro && <p className="muted small">{intro}</p>}
      {fields.map((f) => (
        <label key={f.name}>
          {f.label}{" "}
          <input
            name={f.name}
            type={f.type ?? "text"}
            required={f.required ?? false}
            defaultValue={f.defaultValue}
            step={f.type === "number" ? 1 : undefined}
          />
        </label>
      ))}
      <p>
        <button type="submit" disabled={busy}>
          {busy ? t("working") : submit}
        </button>
      </p>
      {message && (
        <p className={message.ok ? "notice" : "error"} role="status">
          {message.text}
        </p>
      )}
      {link && (
        <p className="small">
          {t("link")} <code>{link}</code>
        </p>
      )}
    </form>
  );
}
