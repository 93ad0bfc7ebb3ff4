"use client";
// Publish / Unpublish an assignment's grades. Publishing shows students the scores, comments and
// rubric items held back under gradeRelease: manual (and after_published tests); unpublishing
// holds them back again. The server keeps the time and who did it in the audit log.
import { useTranslations } from "next-intl";
import { postJson } from "./post-json";
import { useStaffAction } from "./use-staff-action";

export function ReleaseControl({ course, assignment, published }: { course: string; assignment: string; published: boolean }) {
  const t = useTranslations("policies");
  const { busy, message, run } = useStaffAction();
  const act = (next: boolean) =>
    void run(async () => {
      if (!window.confirm(next ? t("publishConfirm") : t("unpublishConfirm"))) return;
      await postJson(`/api/courses/${course}/staff/release`, { assignment, published: next });
      return next ? t("publishedNow") : t("unpublishedNow");
    });
  return (
    <p className="row-actions">
      <button className={published ? "secondary" : "primary"} type="button" disabled={busy} onClick={() => act(!published)}>
        {published ? t("unpublish") : t("publish")}
      </button>
      {message && (
        <span className={message.ok ? "ok-text small" : "error small"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </span>
      )}
    </p>
  );
}
