"use client";
// The one submission state of a question, shared by its four editors (code, numeric, multiple
// choice, proof): sends a Submit/Run, follows its status live (server-sent events first, polling
// as the fallback for proxies that buffer SSE or a stream that ended before grading did), keeps the
// question's history with the newest result on top, and re-reads the server-rendered parts.
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { SubmissionView } from "@/lib/submissions/views";
import { createSubmitIntent, type SubmitIntent } from "./submit-intent";

export type SendState =
  { phase: "idle" } | { phase: "sending" } | { phase: "error"; message: string; retryAfter?: number } | { phase: "tracking"; view: SubmissionView };

const FINAL = new Set(["graded", "failed", "awaiting_grading"]);

/** Which question a submission answers. */
export type QuestionAddress = { course: string; assignment: string; question: string };
/** What the student sends: code (code questions) or a typed answer (the others). */
export type Answer = { code: string } | { answer: Record<string, unknown> };

export function useSubmission(address: QuestionAddress, initialHistory: SubmissionView[], onFinal?: (view: SubmissionView) => void) {
  const [state, setState] = useState<SendState>({ phase: "idle" });
  const [history, setHistory] = useState(initialHistory);
  const router = useRouter();
  const source = useRef<EventSource | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onFinalRef = useRef(onFinal);
  // Kept across renders: a retry after a network error must reuse the first attempt's token.
  const intent = useRef<SubmitIntent | null>(null);
  useEffect(() => {
    onFinalRef.current = onFinal;
  }, [onFinal]);

  const stop = useCallback(() => {
    source.current?.close();
    source.current = null;
    if (timer.current) clearTimeout(timer.current);
  }, []);
  useEffect(() => stop, [stop]);

  const follow = useCallback(
    (id: string) => {
      stop();
      const update = (view: SubmissionView) => {
        setState({ phase: "tracking", view });
        if (FINAL.has(view.status)) {
          stop();
          setHistory((h) => [view, ...h.filter((x) => x.id !== view.id)]);
          onFinalRef.current?.(view);
          // The server-rendered parts (attempts used and left, the course's status badges) are
          // re-read; client state (the editor, a typed proof) stays as it is.
          if (view.kind === "SUBMIT") router.refresh();
          return true;
        }
        return false;
      };
      const poll = async () => {
        try {
          const res = await fetch(`/api/submissions/${id}`, { cache: "no-store" });
          if (res.ok && update((await res.json()) as SubmissionView)) return;
        } catch {
          /* keep polling */
        }
        timer.current = setTimeout(() => void poll(), 700);
      };
      if (typeof EventSource === "undefined") return void poll();
      const es = new EventSource(`/api/submissions/${id}/events`);
      source.current = es;
      let finished = false;
      es.onmessage = (e) => {
        finished = update(JSON.parse(e.data) as SubmissionView) || finished;
      };
      es.onerror = () => {
        es.close();
        if (!finished) void poll();
      };
    },
    [stop, router],
  );

  const { course, assignment, question } = address;
  const send = useCallback(
    async (kind: "RUN" | "SUBMIT", answer: Answer) => {
      const body = { course, assignment, question, kind, ...answer };
      setState({ phase: "sending" });
      intent.current ??= createSubmitIntent();
      const clientToken = intent.current.tokenFor(body);
      try {
        const res = await fetch("/api/submit", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ ...body, clientToken }),
        });
        // The server answered: whatever it said, the next Submit is a new intent.
        intent.current.answered();
        const data = (await res.json().catch(() => ({}))) as { submissionId?: string; error?: string };
        if (!res.ok || !data.submissionId) {
          const retry = Number(res.headers.get("Retry-After"));
          setState({ phase: "error", message: data.error ?? `The server answered ${res.status}.`, ...(retry ? { retryAfter: retry } : {}) });
          return;
        }
        follow(data.submissionId);
      } catch {
        // No answer (the request or its response was lost): the token is kept for the retry.
        setState({ phase: "error", message: "network" });
      }
    },
    [follow, course, assignment, question],
  );

  // Sending, or waiting for the grader: another Submit/Run now would only be refused (one in flight).
  const busy = state.phase === "sending" || (state.phase === "tracking" && (state.view.status === "queued" || state.view.status === "running"));
  return { state, history, busy, send, follow };
}
