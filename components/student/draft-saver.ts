"use client";
// Saves the editor's content on the server as the student types (debounced), keeps a local copy
// in the browser too, retries when a save fails, and flushes on leaving the page.
import { useCallback, useEffect, useRef, useState } from "react";

type SaveState = { phase: "saved" | "saving" | "idle" } | { phase: "failed"; message: string };

const localKey = (course: string, assignment: string, question: string) => `draft:${course}/${assignment}/${question}`;

export function readLocalDraft(course: string, assignment: string, question: string): { content: string; at: number } | null {
  try {
    const raw = localStorage.getItem(localKey(course, assignment, question));
    return raw ? (JSON.parse(raw) as { content: string; at: number }) : null;
  } catch {
    return null;
  }
}

export function useDraftSaver(course: string, assignment: string, question: string, delayMs = 800) {
  const [state, setState] = useState<SaveState>({ phase: "idle" });
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retry = useRef<() => void>(() => {});

  const flush = useCallback(
    async (keepalive = false) => {
      const content = pending.current;
      if (content === null) return;
      setState({ phase: "saving" });
      try {
        const res = await fetch("/api/drafts", {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ course, assignment, question, content }),
          keepalive,
        });
        if (!res.ok) {
          const data = (await res.json().catch(() => ({}))) as { error?: string };
          throw new Error(data.error ?? `server answered ${res.status}`);
        }
        if (pending.current === content) pending.current = null;
        setState({ phase: "saved" });
      } catch (error) {
        setState({ phase: "failed", message: error instanceof Error ? error.message : String(error) });
        timer.current = setTimeout(() => retry.current(), 5000);
      }
    },
    [course, assignment, question],
  );

  useEffect(() => {
    retry.current = () => void flush();
  }, [flush]);

  const change = useCallback(
    (content: string) => {
      pending.current = content;
      try {
        localStorage.setItem(localKey(course, assignment, question), JSON.stringify({ content, at: Date.now() }));
      } catch {
        /* private mode or full storage: the server copy still works */
      }
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [course, assignment, question, delayMs, flush],
  );

  useEffect(() => {
    const leave = () => void flush(true);
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [flush]);

  return { state, change, flush };
}
