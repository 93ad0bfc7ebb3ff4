"use client";
// "Regrade all" for a question: queues a regrade of every submission that can count, against the
// version staff pick (the current one by default), and shows the batch's progress until it is done.
import { useEffect, useState } from "react";
import { postJson } from "./post-json";

type Progress = { batchId: string; versionNumber: number | null; total: number; queued: number; running: number; done: number; failed: number };

/** `versions`: the assignment's version numbers, newest first; `current`: the current one. */
export function RegradeButton({ course, assignment, question, versions, current }: { course: string; assignment: string; question: string; versions: number[]; current: number }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [version, setVersion] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const finished = progress !== null && progress.done + progress.failed >= progress.total;
  useEffect(() => {
    if (!progress || finished) return;
    const poll = async () => {
      try {
        const res = await fetch(`/api/courses/${course}/staff/regrade?batch=${encodeURIComponent(progress.batchId)}`);
        const data = (await res.json()) as Progress & { error?: string };
        if (!res.ok) throw new Error(data.error ?? `The server answered ${res.status}.`);
        setProgress(data);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    };
    const t = setTimeout(() => void poll(), 1000);
    return () => clearTimeout(t);
  }, [course, finished, progress]);
  return (
    <>
      {versions.length > 1 && (
        <label className="small">
          Grade against{" "}
          <select value={version} onChange={(e) => setVersion(Number(e.target.value))} disabled={progress !== null && !finished} aria-label={`Version to regrade ${question} against`}>
            {versions.map((v) => <option key={v} value={v}>version {v}{v === current ? " (current)" : ""}</option>)}
          </select>
        </label>
      )}
      <button
        className="secondary"
        type="button"
        disabled={progress !== null && !finished}
        onClick={async () => {
          if (!window.confirm(`Regrade every submission of "${question}" that can count, against version ${version}? New results replace the current ones in the gradebook; the old ones stay in each submission's history.`)) return;
          setError(null);
          try {
            setProgress(await postJson<Progress>(`/api/courses/${course}/staff/regrade`, { assignment, question, version }));
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
          }
        }}
      >
        Regrade all
      </button>
      {progress && (
        <span className="row-actions small" role="status">
          <span className="progress" aria-hidden="true"><span style={{ width: `${progress.total ? ((progress.done + progress.failed) / progress.total) * 100 : 100}%` }} /></span>
          {progress.done} / {progress.total} regraded{progress.versionNumber !== null ? ` against version ${progress.versionNumber}` : ""}{progress.failed ? `, ${progress.failed} failed` : ""}{finished ? " — done" : ""}
        </span>
      )}
      {error && <span className="bad-text small" role="alert">{error}</span>}
    </>
  );
}
