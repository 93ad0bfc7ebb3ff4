"use client";
// "Regrade all" for a question: queues a regrade of every submission that can count, against the
// version staff pick (the current one by default), and shows the batch's progress until it is done.
import { useEffect, useState } from "react";
import { errorText, getJson, postJson } from "./post-json";
import { useStaffAction } from "./use-staff-action";

type Progress = { batchId: string; versionNumber: number | null; total: number; queued: number; running: number; done: number; failed: number };

/** `versions`: the assignment's version numbers, newest first; `current`: the current one. */
export function RegradeButton({
  course,
  assignment,
  question,
  versions,
  current,
}: {
  course: string;
  assignment: string;
  question: string;
  versions: number[];
  current: number;
}) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [version, setVersion] = useState(current);
  const { message, setMessage, run } = useStaffAction();
  const finished = progress !== null && progress.done + progress.failed >= progress.total;
  useEffect(() => {
    if (!progress || finished) return;
    const t = setTimeout(() => {
      getJson<Progress>(`/api/courses/${course}/staff/regrade?batch=${encodeURIComponent(progress.batchId)}`).then(setProgress, (e: unknown) =>
        setMessage({ ok: false, text: errorText(e) }),
      );
    }, 1000);
    return () => clearTimeout(t);
  }, [course, finished, progress, setMessage]);
  return (
    <>
      {versions.length > 1 && (
        <label className="small">
          Grade against{" "}
          <select
            value={version}
            onChange={(e) => setVersion(Number(e.target.value))}
            disabled={progress !== null && !finished}
            aria-label={`Version to regrade ${question} against`}
          >
            {versions.map((v) => (
              <option key={v} value={v}>
                version {v}
                {v === current ? " (current)" : ""}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        className="secondary"
        type="button"
        disabled={progress !== null && !finished}
        onClick={async () => {
          if (
            !window.confirm(
              `Regrade every submission of "${question}" that can count, against version ${version}? New results replace the current ones in the gradebook; the old ones stay in each submission's history.`,
            )
          )
            return;
          // The gradebook changes as the batch is graded, not now: nothing to re-read yet.
          await run(async () => setProgress(await postJson<Progress>(`/api/courses/${course}/staff/regrade`, { assignment, question, version })), {
            refresh: false,
          });
        }}
      >
        Regrade all
      </button>
      {progress && (
        <span className="row-actions small" role="status">
          <span className="progress" aria-hidden="true">
            <span style={{ width: `${progress.total ? ((progress.done + progress.failed) / progress.total) * 100 : 100}%` }} />
          </span>
          {progress.done} / {progress.total} regraded{progress.versionNumber !== null ? ` against version ${progress.versionNumber}` : ""}
          {progress.failed ? `, ${progress.failed} failed` : ""}
          {finished ? " — done" : ""}
        </span>
      )}
      {message && !message.ok && (
        <span className="bad-text small" role="alert">
          {message.text}
        </span>
      )}
    </>
  );
}
