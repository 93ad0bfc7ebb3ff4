"use client";
// One submission's outcome: status while it runs, then score and per-test results. Hidden tests
// arrive already redacted by the server (name and pass/fail only).
import { useTranslations } from "next-intl";
import type { SubmissionView } from "@/lib/submissions/views";
import { FigureChart } from "./figure-chart";

export function StatusLine({ view }: { view: SubmissionView }) {
  const t = useTranslations("status");
  // Graded, but staff have not published the grades yet (gradeRelease: manual).
  if (view.unreleased) return <span className="status unreleased">{t("unreleased")}</span>;
  if (view.status === "queued" && view.position !== undefined && view.position > 0)
    return <span className="status queued">{t("queuedAt", { position: view.position + 1 })}</span>;
  return <span className={`status ${view.status}`}>{t(view.status)}</span>;
}

export function SubmissionResult({ view }: { view: SubmissionView }) {
  const t = useTranslations("results");
  return (
    <div className="result" aria-live="polite">
      <p>
        <StatusLine view={view} />
        {view.lateDays && (
          <>
            {" "}
            <span className="badge ok">{t("lateDaysUsed")}</span>
          </>
        )}
        {view.status === "graded" && view.score !== undefined && view.maxScore !== undefined && (
          <>
            {" "}
            <strong className={view.score >= view.maxScore ? "score full" : "score"}>{t("score", { score: view.score, max: view.maxScore })}</strong>
            {view.late && view.rawScore !== view.score && <span className="muted"> ({t("rawScore", { raw: view.rawScore ?? 0 })})</span>}
            {view.credit && view.credit.fraction < 1 && (
              <span className="muted"> ({t("creditNote", { k: view.credit.attempt, pct: Math.round(view.credit.fraction * 100) })})</span>
            )}
          </>
        )}
      </p>
      {view.kind === "RUN" && <p className="muted small">{t("runNote")}</p>}
      {view.error && <p className="error">{view.error}</p>}
      {view.gradeStatus === "compile_error" && <p className="error">{t("compileError")}</p>}
      {view.tests && view.tests.length > 0 && (
        <table className="data tests">
          <thead>
            <tr>
              <th scope="col">{t("test")}</th>
              <th scope="col">{t("points")}</th>
              <th scope="col">{t("result")}</th>
              <th scope="col">{t("message")}</th>
            </tr>
          </thead>
          <tbody>
            {view.tests.map((test) => (
              <tr key={test.name} className={test.status === "passed" ? "pass" : "fail"}>
                <td>
                  {test.name}
                  {test.visibility !== "visible" && <span className="badge">{t("hidden")}</span>}
                </td>
                <td>
                  {test.score} / {test.maxScore}
                </td>
                <td>
                  <span className={`badge ${test.status === "passed" ? "ok" : "bad"}`}>{t(test.status)}</span>
                </td>
                <td className="msg">{test.message ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.figures && view.figures.length > 0 && (
        <div className="figures">
          {view.figures.map((f) => (
            <FigureChart key={f.id} figure={f} />
          ))}
        </div>
      )}
      {view.output && (
        <details open={view.gradeStatus !== "graded"}>
          <summary>{t("output")}</summary>
          <pre className="console">{view.output}</pre>
        </details>
      )}
    </div>
  );
}
