"use client";
// A question's regrade requests as the student sees them (status, the thread, the outcome), and the
// form to ask for one when the server says they may (graded, released, inside the window, none open).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorText, postJson } from "../staff/post-json";
import { LocalTime } from "../local-time";
import { RegradeThread } from "../regrade-thread";

type Request = {
  id: string;
  status: "OPEN" | "ESCALATED" | "RESOLVED";
  target: string | null;
  outcome: string | null;
  createdAt: string;
  messages: { mine: boolean; author: string; text: string; at: string }[];
};
type Props = { course: string; submissionId: string | null; refusal: string | null; targets: string[]; requests: Request[] };

export function RegradeRequests({ course, submissionId, refusal, targets, requests }: Props) {
  const t = useTranslations("regrade");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState("");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!requests.length && (refusal || !submissionId)) return null;
  return (
    <div className="regrade-requests">
      {requests.map((r) => (
        <div key={r.id} className="card regrade-request" data-testid="regrade-thread">
          <p>
            <strong>{t("yourRequest")}</strong> <span className={`badge ${r.status === "RESOLVED" ? "ok" : "warn"}`}>{t(`studentStatus.${r.status}`)}</span>{" "}
            <span className="muted small">
              <LocalTime iso={r.createdAt} />
              {r.target && (
                <>
                  {" "}
                  · {t("target")}: {r.target}
                </>
              )}
            </span>
          </p>
          <RegradeThread messages={r.messages.map((m, i) => ({ key: String(i), author: m.mine ? t("you") : m.author, at: m.at, text: m.text }))} />
          {r.outcome && (
            <p>
              <strong>{t("outcome")}:</strong> {r.outcome}
            </p>
          )}
        </div>
      ))}
      {!refusal && submissionId && !open && (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {t("ask")}
        </button>
      )}
      {!refusal && submissionId && open && (
        <form
          className="card regrade-form"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await postJson("/api/regrade-requests", { course, submissionId, target: target || null, text });
              setOpen(false);
              setText("");
              router.refresh();
            } catch (err) {
              setError(errorText(err));
            } finally {
              setBusy(false);
            }
          }}
        >
          {targets.length > 0 && (
            <label>
              {t("targetLabel")}
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">{t("wholeQuestion")}</option>
                {targets.map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t("textLabel")}
            <textarea rows={4} minLength={10} maxLength={2000} required value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {t("send")}
          </button>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
