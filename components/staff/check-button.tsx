"use client";
// Runs the assignment checker on the server: reference solutions graded live (full marks
// expected), starters (less than full marks), numeric generators and choice/rubric sanity.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "./post-json";
import { useErrorText } from "./use-staff-action";

type Test = { name: string; score: number; maxScore: number; status: string; visibility: string; message?: string };
type Report = { score: number; maxScore: number; status: string; tests: Test[] };
type Check = { ok: boolean; questions: { id: string; type: string; ok: boolean; detail: string; reference?: Report; starter?: Report }[] };

export function CheckButton({ course, assignment }: { course: string; assignment: string }) {
  const [state, setState] = useState<{ phase: "idle" | "running" } | { phase: "done"; check: Check; ms: number } | { phase: "error"; message: string }>({
    phase: "idle",
  });
  const t = useTranslations("staff.check");
  const tc = useTranslations("staff.common");
  const describe = useErrorText();
  return (
    <div className="card" style={{ marginBottom: "1rem" }}>
      <button
        className="primary"
        type="button"
        disabled={state.phase === "running"}
        onClick={async () => {
          setState({ phase: "running" });
          const t0 = performance.now();
          try {
            const check = await postJson<Check>(`/api/courses/${course}/staff/check`, { assignment });
            setState({ phase: "done", check, ms: Math.round(performance.now() - t0) });
          } catch (e) {
            setState({ phase: "error", message: describe(e) });
          }
        }}
      >
        {state.phase === "running" ? t("running") : t("run")}
      </button>
      {state.phase === "error" && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {state.phase === "done" && (
        <div role="status">
          <p>
            {state.check.ok ? <span className="badge ok">{t("allPass")}</span> : <span className="badge bad">{t("problems")}</span>}{" "}
            <span className="muted small">{t("took", { ms: state.ms })}</span>
          </p>
          <ul>
            {state.check.questions.map((q) => (
              <li key={q.id}>
                <span className={q.ok ? "ok-text" : "bad-text"}>{q.ok ? "✓" : "✗"}</span> <strong>{q.id}</strong> ({tc(`types.${q.type}`)}): {q.detail}
                {q.reference && (
                  <details>
                    <summary>
                      {t("reference", { score: q.reference.score, max: q.reference.maxScore, status: tc(`gradeStatus.${q.reference.status}`) })}
                    </summary>
                    <table className="data">
                      <thead>
                        <tr>
                          <th scope="col">{t("colTest")}</th>
                          <th scope="col">{t("colVisibility")}</th>
                          <th scope="col">{t("colStatus")}</th>
                          <th scope="col" className="num">
                            {t("colPoints")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {q.reference.tests.map((x) => (
                          <tr key={x.name}>
                            <td>{x.name}</td>
                            <td>{tc(`visibility.${x.visibility}`)}</td>
                            <td className={x.status === "passed" ? "ok-text" : "bad-text"}>
                              {tc(`testStatus.${x.status}`)}
                              {x.message ? `: ${x.message}` : ""}
                            </td>
                            <td className="num">
                              {x.score} / {x.maxScore}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                )}
                {q.starter && <div className="muted small">{t("starter", { score: q.starter.score, max: q.starter.maxScore })}</div>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
