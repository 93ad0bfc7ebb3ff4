"use client";
// Runs the assignment checker on the server: reference solutions graded live (full marks
// expected), starters (less than full marks), numeric generators and choice/rubric sanity.
import { useState } from "react";
import { errorText, postJson } from "./post-json";

type Test = { name: string; score: number; maxScore: number; status: string; visibility: string; message?: string };
type Report = { score: number; maxScore: number; status: string; tests: Test[] };
type Check = { ok: boolean; questions: { id: string; type: string; ok: boolean; detail: string; reference?: Report; starter?: Report }[] };

export function CheckButton({ course, assignment }: { course: string; assignment: string }) {
  const [state, setState] = useState<{ phase: "idle" | "running" } | { phase: "done"; check: Check; ms: number } | { phase: "error"; message: string }>({
    phase: "idle",
  });
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
            setState({ phase: "error", message: errorText(e) });
          }
        }}
      >
        {state.phase === "running" ? "Grading the reference solution…" : "Grade the reference solution now"}
      </button>
      {state.phase === "error" && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {state.phase === "done" && (
        <div role="status">
          <p>
            {state.check.ok ? <span className="badge ok">all checks pass</span> : <span className="badge bad">problems found</span>}{" "}
            <span className="muted small">in {state.ms} ms</span>
          </p>
          <ul>
            {state.check.questions.map((q) => (
              <li key={q.id}>
                <span className={q.ok ? "ok-text" : "bad-text"}>{q.ok ? "✓" : "✗"}</span> <strong>{q.id}</strong> ({q.type}): {q.detail}
                {q.reference && (
                  <details>
                    <summary>
                      Reference: {q.reference.score} / {q.reference.maxScore} ({q.reference.status})
                    </summary>
                    <table className="data">
                      <thead>
                        <tr>
                          <th scope="col">Test</th>
                          <th scope="col">Visibility</th>
                          <th scope="col">Status</th>
                          <th scope="col" className="num">
                            Points
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {q.reference.tests.map((t) => (
                          <tr key={t.name}>
                            <td>{t.name}</td>
                            <td>{t.visibility}</td>
                            <td className={t.status === "passed" ? "ok-text" : "bad-text"}>
                              {t.status}
                              {t.message ? `: ${t.message}` : ""}
                            </td>
                            <td className="num">
                              {t.score} / {t.maxScore}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                )}
                {q.starter && (
                  <div className="muted small">
                    Starter: {q.starter.score} / {q.starter.maxScore}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
