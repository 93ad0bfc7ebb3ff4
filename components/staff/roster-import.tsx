"use client";
// Paste or choose a roster CSV, preview what it would do and which rows are bad, then import.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "./post-json";
import { useStaffAction } from "./use-staff-action";

type Row = { line: number; email: string; name: string; studentId: string | null; section: string | null; role: string; action: string };
type Bad = { line: number; text: string; problems: string[] };
type Preview = { rows: Row[]; bad: Bad[]; imported?: number };

export function RosterImport({ course }: { course: string }) {
  const { busy, message, run } = useStaffAction();
  const t = useTranslations("staff.rosterImport");
  const tcourse = useTranslations("course");
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  // A preview changes nothing, so only an import re-reads the page.
  const send = (commit: boolean) =>
    run(
      async () => {
        const r = await postJson<Preview>(`/api/courses/${course}/staff/roster`, { csv, commit });
        setPreview(r);
        if (commit) return t("imported", { count: r.imported ?? 0 });
      },
      { refresh: commit },
    );
  return (
    <div>
      <div className="card roster-form">
        <label>
          {t("csvFile")}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) {
                setCsv(await f.text());
                setPreview(null);
              }
            }}
          />
        </label>
        <label>
          {t("orPaste")}
          <textarea
            rows={8}
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value);
              setPreview(null);
            }}
            placeholder={"email,name,student id,section,role\nada@uni.edu,Ada Lovelace,S2001,A,student"}
            spellCheck={false}
          />
        </label>
        <p className="row-actions">
          <button className="secondary" type="button" disabled={!csv.trim() || busy} onClick={() => void send(false)}>
            {t("preview")}
          </button>
          <button className="primary" type="button" disabled={!preview || preview.bad.length > 0 || busy} onClick={() => void send(true)}>
            {preview ? t("importRows", { count: preview.rows.length }) : t("import")}
          </button>
        </p>
        {message && (
          <p className={message.ok ? "ok-text" : "error"} role={message.ok ? "status" : "alert"}>
            {message.text}
          </p>
        )}
      </div>
      {preview && preview.bad.length > 0 && (
        <>
          <h2 className="bad-text">{t("badRows", { count: preview.bad.length })}</h2>
          <table className="data" data-testid="bad-rows">
            <thead>
              <tr>
                <th scope="col">{t("colLine")}</th>
                <th scope="col">{t("colRow")}</th>
                <th scope="col">{t("colProblem")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.bad.map((b) => (
                <tr key={b.line}>
                  <td>{b.line}</td>
                  <td>
                    <code>{b.text}</code>
                  </td>
                  <td>{b.problems.join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {preview && preview.rows.length > 0 && (
        <>
          <h2>{t("goodRows", { count: preview.rows.length })}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("colLine")}</th>
                <th scope="col">{t("colEmail")}</th>
                <th scope="col">{t("colName")}</th>
                <th scope="col">{t("colStudentId")}</th>
                <th scope="col">{t("colSection")}</th>
                <th scope="col">{t("colRole")}</th>
                <th scope="col">{t("colChange")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>{r.email}</td>
                  <td>{r.name}</td>
                  <td>{r.studentId ?? "—"}</td>
                  <td>{r.section ?? "—"}</td>
                  <td>{tcourse(`role.${r.role}`)}</td>
                  <td>
                    <span className={`badge ${r.action === "add" ? "ok" : r.action === "update" ? "warn" : ""}`}>{t(`actions.${r.action}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
