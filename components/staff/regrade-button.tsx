"use client";
// "Regrade all" for a question: queues a regrade of every student's final submission and shows
// the batch's progress until it is done.
import { useEffect, useState } from "react";
import { postJson } from "./post-json";

type Progress = { batchId: string; total: number; queued: number; running: number; done: number; failed: number };

export function RegradeButton({ course, assignment, question }: { course: string; assignment: string; question: string }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const finished = progress !== null && progress.done + progress.failed >= progress.total;
  useEffect(() => {
    if (!progress || finished) return;
    const t = setTimeout(async () => {
      try {
        const res = await fetch(`/api/courses/${course}/staff/regrade?batch=${encodeURIComponent(progress.batchId)}`);
        const data = (await res.json()) as Progress & { error?: string };
        if (!res.ok) throw new Error(data.error ?? `The server answered ${res.status}.`);
        setProgress(data);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    }, 1000);
    return () => clearTimeout(t);
  }, [course, finished, progress]);
  return (
    <>
      <button
        className="secondary"
        type="button"
        disabled={progress !== null && !finished}
        onClick={async () => {
          if (!window.confirm(`Regrade every student's final submission of "${question}"? New results replace the current ones in the gradebook.`)) return;
          setError(null);
          try {
            setProgress(await postJson<Progress>(`/api/courses/${course}/staff/regrade`, { assignment, question }));
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
          {progress.done} / {progress.total} regraded{progress.failed ? `, ${progress.failed} failed` : ""}{finished ? " — done" : ""}
        </span>
      )}
      {error && <span className="bad-text small" role="alert">{error}</span>}
    </>
  );
}
