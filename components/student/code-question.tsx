"use client";
// A code question: Monaco (served from this site), the student's draft saved as they type, Run
// (visible tests) and Submit with keyboard shortcuts, live status, results, compile errors as
// markers, and the submission history.
import { useCallback, useEffect, useMemo, useRef } from "react";
import Editor, { loader, type OnMount } from "@monaco-editor/react";
import { useTranslations } from "next-intl";
import type { SubmissionView } from "@/lib/submissions/views";
import { SubmissionResult } from "./submission-result";
import { SendError } from "./send-error";
import { useSubmission } from "./use-submission";
import { readLocalDraft, useDraftSaver } from "./draft-saver";
import { History } from "./history";

loader.config({ paths: { vs: "/monaco/vs" } });

type Monaco = Parameters<OnMount>[1];
type EditorInstance = Parameters<OnMount>[0];

type CodeQuestionProps = {
  course: string;
  assignment: string;
  question: string;
  title: string;
  starter: string;
  types?: string | undefined;
  draft: { content: string; updatedAt: string } | null;
  history: SubmissionView[];
  canSubmit: boolean;
};

const COMPILE_AT = /Compile error at line (\d+), column (\d+): (.*)/;
// Runtime errors carry the student's own position (grader/source-lines.ts).
const THROWN_AT = /^(.*) \(line (\d+), column (\d+) of your code\)$/;

type Marker = { line: number; column: number; message: string };

/** Where the editor should underline: the compile error, or each distinct place the code threw. */
function errorMarkers(view: SubmissionView): Marker[] {
  const text = [view.output ?? "", ...(view.tests ?? []).map((t) => t.message ?? "")].join("\n");
  const compile = COMPILE_AT.exec(text);
  if (compile) return [{ line: Number(compile[1]), column: Number(compile[2]), message: compile[3]! }];
  const seen = new Map<string, Marker>();
  for (const t of view.tests ?? []) {
    const m = THROWN_AT.exec(t.message ?? "");
    if (m) seen.set(`${m[2]}:${m[3]}`, { line: Number(m[2]), column: Number(m[3]), message: m[1]! });
  }
  return [...seen.values()];
}

export function CodeQuestion(props: CodeQuestionProps) {
  const t = useTranslations("code");
  const editorRef = useRef<EditorInstance | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const saver = useDraftSaver(props.course, props.assignment, props.question);
  const onFinal = useCallback((view: SubmissionView) => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      "grader",
      errorMarkers(view).map((e) => ({
        startLineNumber: e.line,
        startColumn: e.column,
        endLineNumber: e.line,
        endColumn: e.column + 1,
        message: e.message,
        severity: monaco.MarkerSeverity.Error,
      })),
    );
  }, []);
  const { state, history, busy, send } = useSubmission(props, props.history, onFinal);

  const initial = useMemo(() => {
    // The newer of the server draft and this browser's copy (a save that failed before a reload).
    const local = typeof window === "undefined" ? null : readLocalDraft(props.course, props.assignment, props.question);
    const serverAt = props.draft ? new Date(props.draft.updatedAt).getTime() : 0;
    if (local && local.at > serverAt + 1000) return local.content;
    return props.draft?.content ?? props.starter;
  }, [props.course, props.assignment, props.question, props.draft, props.starter]);

  const act = useCallback(
    (kind: "RUN" | "SUBMIT") => {
      const code = editorRef.current?.getValue() ?? initial;
      if (busy || (kind === "SUBMIT" && !props.canSubmit)) return;
      void saver.flush();
      void send(kind, { code });
    },
    [busy, initial, props.canSubmit, saver, send],
  );
  const actRef = useRef(act);
  useEffect(() => {
    actRef.current = act;
  }, [act]);

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    const ts = (monaco as unknown as { typescript?: typeof monaco.languages.typescript }).typescript ?? monaco.languages.typescript;
    ts.typescriptDefaults.setCompilerOptions({ target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true, noEmit: true });
    if (props.types) ts.typescriptDefaults.addExtraLib(props.types, "file:///types.d.ts");
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => actRef.current("RUN"));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => actRef.current("SUBMIT"));
  };

  const restore = (code: string) => {
    editorRef.current?.setValue(code);
    saver.change(code);
  };

  return (
    <div className="code-question">
      <div className="editor-frame" role="group" aria-label={t("editorLabel", { title: props.title })}>
        <Editor
          height="420px"
          defaultLanguage="typescript"
          path={`file:///${props.assignment}/${props.question}/solution.ts`}
          defaultValue={initial}
          onMount={onMount}
          onChange={(v) => saver.change(v ?? "")}
          loading={<p className="muted">{t("loading")}</p>}
          options={{
            minimap: { enabled: false },
            fontSize: 14,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            tabSize: 2,
            ariaLabel: t("editorLabel", { title: props.title }),
          }}
        />
      </div>
      <div className="toolbar">
        <button type="button" className="secondary" onClick={() => act("RUN")} disabled={busy}>
          {t("run")}
        </button>
        <button type="button" className="primary" onClick={() => act("SUBMIT")} disabled={busy || !props.canSubmit}>
          {t("submit")}
        </button>
        <button type="button" className="secondary" onClick={() => window.confirm(t("resetConfirm")) && restore(props.starter)}>
          {t("reset")}
        </button>
        <span className="muted small">{t("shortcuts")}</span>
        <span className="spacer" />
        <span className={`save-state ${saver.state.phase}`} aria-live="polite">
          {saver.state.phase === "saving"
            ? t("saving")
            : saver.state.phase === "saved"
              ? t("saved")
              : saver.state.phase === "failed"
                ? t("saveFailed", { error: saver.state.message })
                : ""}
        </span>
      </div>
      <SendError state={state} />
      {state.phase === "tracking" && <SubmissionResult view={state.view} />}
      <History items={history} current={() => editorRef.current?.getValue() ?? ""} onRestore={restore} />
    </div>
  );
}
