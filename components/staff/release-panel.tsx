// The staff assignment page's grade-release section: the mode from assignment.yaml, whether the
// grades are published (since when, by whom), the Publish / Unpublish button and the history.
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import { ReleaseControl } from "./release-control";

type Props = {
  courseSlug: string;
  assignment: { slug: string; hideScoresUntilRelease: boolean; gradesPublishedAt: Date | null };
  /** Keys of the questions under manual release. */
  manual: string[];
  history: { id: string; action: string; actor: { email: string } | null; createdAt: Date }[];
};

export async function ReleasePanel({ courseSlug, assignment: a, manual, history }: Props) {
  const t = await getTranslations("policies");
  return (
    <div className="card release-panel">
      <h2>{t("releaseTitle")}</h2>
      <p>
        {manual.length === 0 ? t("modeAuto") : t("modeManual", { questions: manual.join(", ") })}
        {a.hideScoresUntilRelease && <> {t("hideScores")}</>}
      </p>
      <p>
        {a.gradesPublishedAt ? (
          <span className="badge ok">
            {t("publishedAt")} <LocalTime iso={a.gradesPublishedAt.toISOString()} />
          </span>
        ) : (
          <span className="badge warn">{t("notPublished")}</span>
        )}
      </p>
      <ReleaseControl course={courseSlug} assignment={a.slug} published={a.gradesPublishedAt !== null} />
      {history.length > 0 && (
        <ul className="small muted">
          {history.map((h) => (
            <li key={h.id}>
              {h.action === "grades.publish" ? t("historyPublish") : t("historyUnpublish")} · {h.actor?.email ?? "—"} ·{" "}
              <LocalTime iso={h.createdAt.toISOString()} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
