"use client";
// Rubric toggles (keys 1–9), adjustment, comment, save & next. Saves name the revision they were
// based on; the server refuses a save over someone else's newer one, and we say so.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { manualScore } from "@/lib/grades/manual-score.shared";
import { RequestRefused, postJson } from "./post-json";
import { useErrorText } from "./use-staff-action";

type Item = { id: string; points: number; description: string };
type Props = {
  course: string;
  submissionId: string;
  questionPoints: number;
  rubric: Item[];
  initial: { itemIds: string[]; comment: string; adjustment: number; revision: number; grader: string | null };
  prevUrl: string | null;
  nextUrl: string | null;
  nextUngradedUrl: string;
  queueUrl: string;
};

export function GradingPanel(props: Props) {
  const router = useRouter();
  const t = useTranslations("staff.panel");
  const describe = useErrorText();
  const [selected, setSelected] = useState<Set<string>>(() => new Set(props.initial.itemIds));
  const [comment, setComment] = useState(props.initial.comment);
  const [adjustment, setAdjustment] = useState(String(props.initial.adjustment));
  const [state, setState] = useState<{ phase: "idle" | "saving" | "saved" } | { phase: "error"; message: string; conflict: boolean }>({ phase: "idle" });
  const saving = useRef(false);
  const panel = useRef<HTMLElement>(null);
  const adj = Number(adjustment) || 0;
  // The same function the server stores the score with.
  const score = useMemo(
    () =>
      manualScore(
        props.rubric.filter((r) => selected.has(r.id)).map((r) => r.points),
        adj,
        props.questionPoints,
      ),
    [props.rubric, props.questionPoints, selected, adj],
  );

  const toggle = useCallback((id: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setState({ phase: "idle" });
  }, []);

  const save = useCallback(async () => {
    if (saving.current) return;
    if (!Number.isFinite(Number(adjustment))) {
      setState({ phase: "error", message: t("badAdjustment"), conflict: false });
      return;
    }
    saving.current = true;
    setState({ phase: "saving" });
    try {
      await postJson(`/api/courses/${props.course}/staff/grading`, {
        submissionId: props.submissionId,
        itemIds: [...selected],
        comment,
        adjustment: adj,
        revision: props.initial.revision,
      });
      setState({ phase: "saved" });
      router.push(props.nextUngradedUrl);
      router.refresh();
    } catch (e) {
      setState({ phase: "error", message: describe(e), conflict: e instanceof RequestRefused && e.status === 409 });
      saving.current = false;
    }
  }, [adj, adjustment, comment, describe, props.course, props.initial.revision, props.nextUngradedUrl, props.submissionId, router, selected, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.isContentEditable);
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
        e.preventDefault();
        void save();
        return;
      }
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (/^[1-9]$/.test(e.key)) {
        const item = props.rubric[Number(e.key) - 1];
        if (item) {
          e.preventDefault();
          toggle(item.id);
        }
      } else if (e.key === "Enter") {
        if (target?.tagName === "BUTTON" || target?.tagName === "A" || target?.tagName === "SUMMARY") return;
        e.preventDefault();
        void save();
      } else if (e.key === "n" && props.nextUrl) router.push(props.nextUrl);
      else if (e.key === "p" && props.prevUrl) router.push(props.prevUrl);
    };
    window.addEventListener("keydown", onKey);
    // Says the shortcuts are live (they are not before hydration); browser tests wait for it.
    panel.current?.setAttribute("data-keys", "on");
    return () => window.removeEventListener("keydown", onKey);
  }, [props.nextUrl, props.prevUrl, props.rubric, router, save, toggle]);

  return (
    <aside ref={panel} className="rubric-panel card" aria-label={t("label")}>
      <div>
        <span className="score-big" data-testid="grading-score">
          {score}
        </span>{" "}
        <span className="muted">/ {props.questionPoints}</span>
        {props.initial.revision > 0 && (
          <div className="muted small">
            {props.initial.grader
              ? t("gradedBy", { name: props.initial.grader, revision: props.initial.revision })
              : t("graded", { revision: props.initial.revision })}
          </div>
        )}
      </div>
      {props.rubric.map((r, i) => (
        <button
          key={r.id}
          type="button"
          className={`rubric-item${r.points < 0 ? " negative" : ""}`}
          aria-pressed={selected.has(r.id)}
          onClick={() => toggle(r.id)}
        >
          <kbd>{i < 9 ? i + 1 : ""}</kbd>
          <span className="pts">
            {r.points > 0 ? "+" : ""}
            {r.points}
          </span>
          <span>{r.description}</span>
        </button>
      ))}
      <label>
        {t("adjustment")}
        <input type="number" step="0.25" value={adjustment} onChange={(e) => setAdjustment(e.target.value)} />
      </label>
      <label>
        {t("comment")}
        <textarea rows={4} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={10_000} />
      </label>
      <div className="row-actions">
        <button className="primary" type="button" onClick={() => void save()} disabled={state.phase === "saving"}>
          {t("saveNext")}
        </button>
        {props.prevUrl && (
          <a className="button secondary" href={props.prevUrl}>
            {t("previous")}
          </a>
        )}
        {props.nextUrl && (
          <a className="button secondary" href={props.nextUrl}>
            {t("next")}
          </a>
        )}
      </div>
      <p className="muted small">{t("keys")}</p>
      {state.phase === "saved" && (
        <p className="ok-text" role="status">
          {t("saved")}
        </p>
      )}
      {state.phase === "error" && (
        <div className="error" role="alert">
          {state.message}
          {state.conflict && (
            <>
              {" "}
              <button type="button" className="secondary" onClick={() => window.location.reload()}>
                {t("reload")}
              </button>
            </>
          )}
        </div>
      )}
    </aside>
  );
}
