"use client";
// The busy / try / message pattern every staff form shares: one action at a time, its outcome as a
// message (the server's own words on failure), and the server-rendered page re-read after success.
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { errorText } from "./post-json";

export type ActionMessage = { ok: boolean; text: string };

export function useStaffAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  /** Runs `work`; what it returns (if anything) is the success message. Resolves true on success;
   *  `refresh: false` for an action that changes nothing on the page (a preview). */
  const run = useCallback(
    async (work: () => Promise<string | void>, { refresh = true } = {}): Promise<boolean> => {
      setBusy(true);
      setMessage(null);
      try {
        const done = await work();
        setMessage(done ? { ok: true, text: done } : null);
        if (refresh) router.refresh();
        return true;
      } catch (e) {
        setMessage({ ok: false, text: errorText(e) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [router],
  );
  return { busy, message, setMessage, run };
}
