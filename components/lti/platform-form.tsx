"use client";
// The admin's form to register an LMS platform, and the buttons to remove one or rotate the key.
import { useTranslations } from "next-intl";
import { postJson } from "@/components/staff/post-json";
import { useStaffAction } from "@/components/staff/use-staff-action";

const FIELDS = ["name", "issuer", "clientId", "deploymentIds", "authUrl", "tokenUrl", "jwksUrl"] as const;

export function PlatformForm() {
  const t = useTranslations("lti");
  const { busy, message, run } = useStaffAction();
  return (
    <form
      className="lti-form"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const value = (k: string) => String(f.get(k) ?? "").trim();
        void run(async () => {
          await postJson("/api/admin/lti", {
            action: "add-platform",
            name: value("name"),
            issuer: value("issuer"),
            clientId: value("clientId"),
            deploymentIds: value("deploymentIds")
              .split(/[\s,]+/)
              .filter(Boolean),
            authUrl: value("authUrl"),
            tokenUrl: value("tokenUrl"),
            jwksUrl: value("jwksUrl"),
          });
          return t("platformSaved");
        });
      }}
    >
      {FIELDS.map((k) => (
        <label key={k} style={{ display: "block", marginBottom: "0.5rem" }}>
          {t(`field.${k}`)}
          <br />
          <input name={k} required style={{ width: "100%" }} />
        </label>
      ))}
      <button type="submit" disabled={busy}>
        {t("platformSave")}
      </button>{" "}
      {message && (
        <span role="status" className={message.ok ? "muted" : "error"}>
          {message.text}
        </span>
      )}
    </form>
  );
}

export function AdminButton({ body, label, confirm }: { body: Record<string, string>; label: string; confirm?: string }) {
  const { busy, message, run } = useStaffAction();
  return (
    <span>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          void run(async () => {
            await postJson("/api/admin/lti", body);
          });
        }}
      >
        {label}
      </button>
      {message && !message.ok && <span className="error"> {message.text}</span>}
    </span>
  );
}
