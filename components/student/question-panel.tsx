"use client";
// Picks the editor for a question's type.
import type { StudentQuestion } from "@/lib/assignments/student-view";
import { CodeQuestion } from "./code-question";
import { NumericQuestion } from "./numeric-question";
import { ChoiceQuestion } from "./choice-question";
import { ProofQuestion } from "./proof-question";

type Props = { course: string; assignment: string; question: StudentQuestion; canSubmit: boolean };

export function QuestionPanel({ course, assignment, question: q, canSubmit }: Props) {
  const common = { course, assignment, question: q.id, history: q.history, canSubmit };
  const prompt = "promptHtml" in q && q.promptHtml ? <div className="markdown" dangerouslySetInnerHTML={{ __html: q.promptHtml }} /> : null;
  switch (q.type) {
    case "code":
      return (
        <>
          {prompt}
          <CodeQuestion {...common} title={q.title} starter={q.starter} types={q.types} draft={q.draft} />
        </>
      );
    case "numeric":
      return (
        <>
          {q.html && <div className="markdown" dangerouslySetInnerHTML={{ __html: q.html }} />}
          <NumericQuestion {...common} />
        </>
      );
    case "multiple-choice":
      return (
        <>
          {prompt}
          <ChoiceQuestion {...common} multiple={q.multiple} options={q.optionsHtml ?? []} />
        </>
      );
    case "proof":
      return (
        <>
          {prompt}
          <ProofQuestion {...common} draft={q.draft?.content ?? null} rubric={q.rubric} />
        </>
      );
  }
}
