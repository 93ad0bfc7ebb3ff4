"use client";
// Queues the course's failed gradings again, then re-reads the page (the count drops to zero).
import { useTranslations } from "next-intl";
import { postJson } from "./post-json";
import { useStaffAction } from "./use-staff-action";

export function RetryFailedButton({ course, count }: { course: string; count: number }) {
  const { busy, message, run } = useStaffAction();
  const t = useTranslations("staff.retry");
  return (
    <p className="row-actions">
      <button
        className="secondary"
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const { retried } = await postJson<{ retried: number }>(`/api/courses/${course}/staff/retry`, {});
            return t("done", { count: retried });
          })
        }
      >
        {t("button", { count })}
      </button>
      {message && (
        <span className="muted small" role="status">
          {message.text}
        </span>
      )}
    </p>
  );
}
