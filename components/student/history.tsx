"use client";
// Every submission of this question: time, kind, score, status; open one read-only, diff it
// against the editor, or put it back into the editor.
import { useState } from "react";
import { diffLines } from "diff";
import { useTranslations } from "next-intl";
import type { SubmissionView } from "@/lib/submissions/views";
import { LocalTime } from "@/components/local-time";
import { StatusLine, SubmissionResult } from "./submission-result";

type Props = { items: SubmissionView[]; current?: () => string; onRestore?: (code: string) => void };

function contentOf(v: SubmissionView): string {
  if (typeof v.code === "string") return v.code;
  const a = v.answer as { text?: string; value?: number; selected?: string[] } | null | undefined;
  if (!a) return "";
  if (typeof a.text === "string") return a.text;
  if (typeof a.value === "number") return String(a.value);
  return (a.selected ?? []).join(", ");
}

export function History({ items, current, onRestore }: Props) {
  const t = useTranslations("history");
  const [open, setOpen] = useState<{ id: string; mode: "view" | "diff" } | null>(null);
  const shown = open ? items.find((i) => i.id === open.id) : undefined;
  return (
    <details className="history">
      <summary>
        {t("title")} ({items.length})
      </summary>
      {items.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("score")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">
                <span className="sr-only">actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id}>
                <td>
                  <LocalTime iso={v.createdAt} />
                  {v.late && (
                    <>
                      {" "}
                      <span className="badge bad">{t("late")}</span>
                    </>
                  )}
                </td>
                <td>{v.kind === "RUN" ? t("run") : t("submit")}</td>
                <td>{v.score !== undefined ? `${v.score} / ${v.maxScore ?? "?"}` : "—"}</td>
                <td>
                  <StatusLine view={v} />
                </td>
                <td className="actions">
                  <button type="button" className="link-button" onClick={() => setOpen({ id: v.id, mode: "view" })}>
                    {t("view")}
                  </button>
                  {current && typeof v.code === "string" && (
                    <button type="button" className="link-button" onClick={() => setOpen({ id: v.id, mode: "diff" })}>
                      {t("diff")}
                    </button>
                  )}
                  {onRestore && (
                    <button type="button" className="link-button" onClick={() => window.confirm(t("restoreConfirm")) && onRestore(contentOf(v))}>
                      {t("restore")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown && open && (
        <div className="history-view card">
          <button type="button" className="secondary" onClick={() => setOpen(null)}>
            {t("close")}
          </button>
          {open.mode === "view" ? (
            <>
              <pre className="code-view">{contentOf(shown)}</pre>
              <SubmissionResult view={shown} />
            </>
          ) : (
            <pre className="code-view diff" aria-label={t("diff")}>
              {diffLines(contentOf(shown), current?.() ?? "").map((part, i) => (
                <span key={i} className={part.added ? "add" : part.removed ? "del" : ""}>
                  {part.value
                    .replace(/\n$/, "")
                    .split("\n")
                    .map((line) => `${part.added ? "+" : part.removed ? "-" : " "} ${line}`)
                    .join("\n") + "\n"}
                </span>
              ))}
            </pre>
          )}
        </div>
      )}
    </details>
  );
}
