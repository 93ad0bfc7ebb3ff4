"use client";
// A proof: Markdown with math, previewed live with the same renderer the graders see.
import { useDeferredValue, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { SubmissionView } from "@/lib/submissions/views";
import { renderMarkdown } from "@/lib/assignments/markdown.shared";
import { SubmissionResult } from "./submission-result";
import { SendError } from "./send-error";
import { useSubmission } from "./use-submission";
import { useDraftSaver } from "./draft-saver";
import { History } from "./history";

type Props = {
  course: string;
  assignment: string;
  question: string;
  draft: string | null;
  history: SubmissionView[];
  canSubmit: boolean;
  rubric: { id: string; points: number; description: string }[];
};

export function ProofQuestion(props: Props) {
  const t = useTranslations("proof");
  const [text, setText] = useState(props.draft ?? "");
  const deferred = useDeferredValue(text);
  const preview = useMemo(() => renderMarkdown(deferred), [deferred]);
  const saver = useDraftSaver(props.course, props.assignment, props.question);
  const { state, history, busy, send } = useSubmission(props, props.history);
  const id = `proof-${props.question}`;
  const latest = history.find((h) => h.kind === "SUBMIT");
  return (
    <form
      className="answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void send("SUBMIT", { answer: { text } });
      }}
    >
      <div className="proof-grid">
        <label htmlFor={id}>
          {t("label")}
          <textarea
            id={id}
            rows={14}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              saver.change(e.target.value);
            }}
            spellCheck
          />
        </label>
        <section aria-label={t("preview")} className="preview card">
          <h4>{t("preview")}</h4>
          <div className="markdown" data-testid={`preview-${props.question}`} dangerouslySetInnerHTML={{ __html: preview }} />
        </section>
      </div>
      <button className="primary" type="submit" disabled={!text.trim() || busy || !props.canSubmit}>
        {t("submit")}
      </button>
      <SendError state={state} />
      {state.phase === "tracking" ? <SubmissionResult view={state.view} /> : latest && <SubmissionResult view={latest} />}
      {latest?.manual && (
        <div className="card">
          <h4>{t("rubric")}</h4>
          <ul>
            {latest.manual.items.map((i) => (
              <li key={i.description}>
                {i.points > 0 ? "+" : ""}
                {i.points}: {i.description}
              </li>
            ))}
          </ul>
          {latest.manual.comment && (
            <p>
              <strong>{t("comment")}:</strong> {latest.manual.comment}
            </p>
          )}
        </div>
      )}
      <History
        items={history}
        onRestore={(c) => {
          setText(c);
          saver.change(c);
        }}
      />
    </form>
  );
}
