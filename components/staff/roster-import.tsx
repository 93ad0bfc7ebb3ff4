"use client";
// Paste or choose a roster CSV, preview what it would do and which rows are bad, then import.
import { useState } from "react";
import { postJson } from "./post-json";
import { useStaffAction } from "./use-staff-action";

type Row = { line: number; email: string; name: string; studentId: string | null; section: string | null; role: string; action: string };
type Bad = { line: number; text: string; problems: string[] };
type Preview = { rows: Row[]; bad: Bad[]; imported?: number };

export function RosterImport({ course }: { course: string }) {
  const { busy, message, run } = useStaffAction();
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  // A preview changes nothing, so only an import re-reads the page.
  const send = (commit: boolean) =>
    run(
      async () => {
        const r = await postJson<Preview>(`/api/courses/${course}/staff/roster`, { csv, commit });
        setPreview(r);
        if (commit) return `Imported: ${r.imported} ${r.imported === 1 ? "person" : "people"} added or updated.`;
      },
      { refresh: commit },
    );
  return (
    <div>
      <div className="card roster-form">
        <label>
          CSV file
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
          or paste it
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
            Preview
          </button>
          <button className="primary" type="button" disabled={!preview || preview.bad.length > 0 || busy} onClick={() => void send(true)}>
            {preview ? `Import ${preview.rows.length} row${preview.rows.length === 1 ? "" : "s"}` : "Import"}
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
          <h2 className="bad-text">
            {preview.bad.length} bad row{preview.bad.length === 1 ? "" : "s"} — fix them to import
          </h2>
          <table className="data" data-testid="bad-rows">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Row</th>
                <th scope="col">Problem</th>
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
          <h2>
            {preview.rows.length} good row{preview.rows.length === 1 ? "" : "s"}
          </h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Student ID</th>
                <th scope="col">Section</th>
                <th scope="col">Role</th>
                <th scope="col">Change</th>
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
                  <td>{r.role.toLowerCase()}</td>
                  <td>
                    <span className={`badge ${r.action === "add" ? "ok" : r.action === "update" ? "warn" : ""}`}>{r.action}</span>
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
