"use client";
// Staff's answer to one regrade request: a reply, a pass to the instructor (TAs only), a
// resolution (the text is the outcome the student reads), or reopening a resolved one.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "./post-json";
import { useStaffAction } from "./use-staff-action";

type Props = { course: string; requestId: string; resolved: boolean; canEscalate: boolean };

export function RegradeAnswer({ course, requestId, resolved, canEscalate }: Props) {
  const t = useTranslations("regrade");
  const { busy, message, run } = useStaffAction();
  const [text, setText] = useState("");
  const send = (action: "reply" | "escalate" | "resolve" | "reopen") =>
    void run(async () => {
      await postJson(`/api/courses/${course}/staff/regrade-requests`, { requestId, action, text });
      setText("");
      return t(`done.${action}`);
    });
  return (
    <div className="regrade-answer">
      <label>
        {resolved ? t("reopenLabel") : t("answerLabel")}
        <textarea rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="row-actions">
        {resolved ? (
          <button type="button" className="secondary" disabled={busy || !text.trim()} onClick={() => send("reopen")}>
            {t("reopen")}
          </button>
        ) : (
          <>
            <button type="button" className="secondary" disabled={busy || !text.trim()} onClick={() => send("reply")}>
              {t("reply")}
            </button>
            {canEscalate && (
              <button type="button" className="secondary" disabled={busy || !text.trim()} onClick={() => send("escalate")}>
                {t("escalate")}
              </button>
            )}
            <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => send("resolve")}>
              {t("resolve")}
            </button>
          </>
        )}
        {message && (
          <span className={message.ok ? "ok-text small" : "error small"} role={message.ok ? "status" : "alert"}>
            {message.text}
          </span>
        )}
      </p>
    </div>
  );
}
