"use client";
// "Regrade all" for a question: queues a regrade of every submission that can count, against the
// version staff pick (the current one by default), and shows the batch's progress until it is done.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { getJson, postJson } from "./post-json";
import { useErrorText, useStaffAction } from "./use-staff-action";

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
  const t = useTranslations("staff.regrade");
  const describe = useErrorText();
  const finished = progress !== null && progress.done + progress.failed >= progress.total;
  useEffect(() => {
    if (!progress || finished) return;
    const t = setTimeout(() => {
      getJson<Progress>(`/api/courses/${course}/staff/regrade?batch=${encodeURIComponent(progress.batchId)}`).then(setProgress, (e: unknown) =>
        setMessage({ ok: false, text: describe(e) }),
      );
    }, 1000);
    return () => clearTimeout(t);
  }, [course, describe, finished, progress, setMessage]);
  return (
    <>
      {versions.length > 1 && (
        <label className="small">
          {t("gradeAgainst")}{" "}
          <select
            value={version}
            onChange={(e) => setVersion(Number(e.target.value))}
            disabled={progress !== null && !finished}
            aria-label={t("versionLabel", { question })}
          >
            {versions.map((v) => (
              <option key={v} value={v}>
                {v === current ? t("versionCurrent", { number: v }) : t("version", { number: v })}
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
          if (!window.confirm(t("confirm", { question, version }))) return;
          // The gradebook changes as the batch is graded, not now: nothing to re-read yet.
          await run(async () => setProgress(await postJson<Progress>(`/api/courses/${course}/staff/regrade`, { assignment, question, version })), {
            refresh: false,
          });
        }}
      >
        {t("button")}
      </button>
      {progress && (
        <span className="row-actions small" role="status">
          <span className="progress" aria-hidden="true">
            <span style={{ width: `${progress.total ? ((progress.done + progress.failed) / progress.total) * 100 : 100}%` }} />
          </span>
          {t("progress", { done: progress.done, total: progress.total })}
          {progress.versionNumber !== null ? t("against", { version: progress.versionNumber }) : ""}
          {progress.failed ? t("failed", { count: progress.failed }) : ""}
          {finished ? t("done") : ""}
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
