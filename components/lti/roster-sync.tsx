"use client";
// Pull the roster from the LMS: a preview first (who would be added or updated, who is skipped and
// why), then Apply, which imports exactly that through the CSV import.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { postJson } from "@/components/staff/post-json";
import { useStaffAction } from "@/components/staff/use-staff-action";

type Preview = {
  rows: { line: number; email: string; name: string; role: string; action: string }[];
  bad: { line: number; text: string; problems: string[] }[];
  skipped: { name: string; reason: string }[];
};

export function RosterSync({ course, context }: { course: string; context: string }) {
  const t = useTranslations("lti");
  const { busy, message, run } = useStaffAction();
  const [preview, setPreview] = useState<Preview | null>(null);
  const url = `/api/courses/${course}/staff/lti`;
  return (
    <div>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() =>
          void run(
            async () => {
              setPreview(await postJson<Preview>(url, { action: "roster", context, commit: false }));
            },
            { refresh: false },
          )
        }
      >
        {t("rosterPreview")}
      </button>
      {preview && (
        <>
          <table>
            <thead>
              <tr>
                <th>{t("rosterEmail")}</th>
                <th>{t("rosterName")}</th>
                <th>{t("rosterRole")}</th>
                <th>{t("rosterAction")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line}>
                  <td>{r.email}</td>
                  <td>{r.name}</td>
                  <td>{r.role.toLowerCase()}</td>
                  <td>{t(`rosterDo.${r.action as "add" | "update" | "unchanged"}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.skipped.length > 0 && (
            <ul className="muted">
              {preview.skipped.map((s, i) => (
                <li key={i}>{t("rosterSkipped", { name: s.name, reason: s.reason })}</li>
              ))}
            </ul>
          )}
          {preview.bad.map((b) => (
            <p key={b.line} className="error">
              {b.text}: {b.problems.join("; ")}
            </p>
          ))}
          <button
            type="button"
            disabled={busy || preview.bad.length > 0}
            onClick={() =>
              void run(async () => {
                const r = await postJson<{ imported: number }>(url, { action: "roster", context, commit: true });
                setPreview(null);
                return t("rosterApplied", { count: r.imported });
              })
            }
          >
            {t("rosterApply")}
          </button>
        </>
      )}
      {message && (
        <p role="status" className={message.ok ? "muted" : "error"}>
          {message.text}
        </p>
      )}
    </div>
  );
}

export function RetryScoreButton({ course, scoreId }: { course: string; scoreId: string }) {
  const t = useTranslations("lti");
  const { busy, message, run } = useStaffAction();
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void run(async () => void (await postJson(`/api/courses/${course}/staff/lti`, { action: "retry", scoreId })))}
      >
        {t("scoreRetry")}
      </button>
      {message && !message.ok && <span className="error"> {message.text}</span>}
    </>
  );
}
