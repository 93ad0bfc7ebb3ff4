"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { SubmissionView } from "@/lib/submissions/views";
import { SubmissionResult } from "./submission-result";
import { SendError } from "./send-error";
import { useSubmission } from "./use-submission";
import { History } from "./history";

type Props = {
  course: string;
  assignment: string;
  question: string;
  multiple: boolean;
  options: { id: string; html: string }[];
  history: SubmissionView[];
  canSubmit: boolean;
};

export function ChoiceQuestion(props: Props) {
  const t = useTranslations("choice");
  const [selected, setSelected] = useState<string[]>([]);
  const { state, history, busy, send } = useSubmission(props, props.history);
  const toggle = (id: string, on: boolean) => setSelected((s) => (props.multiple ? (on ? [...s, id] : s.filter((x) => x !== id)) : [id]));
  return (
    <form
      className="answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void send("SUBMIT", { answer: { selected } });
      }}
    >
      <fieldset>
        <legend>{props.multiple ? t("selectAll") : t("selectOne")}</legend>
        {props.options.map((o) => (
          <label key={o.id} className="option">
            <input
              type={props.multiple ? "checkbox" : "radio"}
              name={`mc-${props.question}`}
              value={o.id}
              checked={selected.includes(o.id)}
              onChange={(e) => toggle(o.id, e.target.checked)}
            />
            <span dangerouslySetInnerHTML={{ __html: o.html }} />
          </label>
        ))}
      </fieldset>
      <button className="primary" type="submit" disabled={busy || selected.length === 0 || !props.canSubmit}>
        {t("submit")}
      </button>
      <SendError state={state} />
      {state.phase === "tracking" && <SubmissionResult view={state.view} />}
      <History items={history} />
    </form>
  );
}
