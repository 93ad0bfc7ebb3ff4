"use client";
// The busy / try / message pattern every staff form shares: one action at a time, its outcome as a
// message (the server's own words on failure), and the server-rendered page re-read after success.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { RequestRefused, ServerUnreachable, errorText } from "./post-json";

/** errorText in the reader's language: our own words are translated; the server's message is
 *  already in the reader's language (the staff routes answer in it). */
export function useErrorText(): (error: unknown) => string {
  const t = useTranslations("staff.errors");
  return useCallback(
    (error: unknown) => {
      if (error instanceof ServerUnreachable) return t("network");
      if (error instanceof RequestRefused && error.unexplained) return t("status", { status: error.status });
      return errorText(error);
    },
    [t],
  );
}

export type ActionMessage = { ok: boolean; text: string };

export function useStaffAction() {
  const router = useRouter();
  const describe = useErrorText();
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
        setMessage({ ok: false, text: describe(e) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [describe, router],
  );
  return { busy, message, setMessage, run };
}
