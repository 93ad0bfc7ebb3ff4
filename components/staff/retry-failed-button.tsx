"use client";
// Queues the course's failed gradings again, then re-reads the page (the count drops to zero).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "./post-json";

export function RetryFailedButton({ course, count }: { course: string; count: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <p className="row-actions">
      <button
        className="secondary"
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            const { retried } = await postJson<{ retried: number }>(`/api/courses/${course}/staff/retry`, {});
            setMessage(`${retried} queued again.`);
            router.refresh();
          } catch (e) {
            setMessage(e instanceof Error ? e.message : String(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        Retry {count === 1 ? "it" : `all ${count}`}
      </button>
      {message && <span className="muted small" role="status">{message}</span>}
    </p>
  );
}
