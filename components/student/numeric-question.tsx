"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { SubmissionView } from "@/lib/submissions/views";
import { parseNumericAnswer } from "@/lib/question-types/parse-number.shared";
import { SubmissionResult } from "./submission-result";
import { SendError } from "./send-error";
import { useSubmission } from "./use-submission";
import { History } from "./history";

type Props = { course: string; assignment: string; question: string; history: SubmissionView[]; canSubmit: boolean };

export function NumericQuestion(props: Props) {
  const t = useTranslations("numeric");
  const [text, setText] = useState("");
  const [invalid, setInvalid] = useState(false);
  const { state, history, busy, send } = useSubmission(props, props.history);
  const id = `num-${props.question}`;
  return (
    <form
      className="answer-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const value = parseNumericAnswer(text);
        setInvalid(value === null);
        if (value === null || busy) return;
        void send("SUBMIT", { answer: { value } });
      }}
    >
      <label htmlFor={id}>{t("label")}</label>
      <div className="row">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint`}
        />
        <button className="primary" type="submit" disabled={busy || !props.canSubmit}>
          {t("submit")}
        </button>
      </div>
      <p id={`${id}-hint`} className={invalid ? "error" : "muted small"}>
        {invalid ? t("invalid") : t("hint")}
      </p>
      <SendError state={state} />
      {state.phase === "tracking" && <SubmissionResult view={state.view} />}
      <History items={history} />
    </form>
  );
}
