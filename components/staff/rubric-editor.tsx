"use client";
// Edit a rubric item's points or description; the server recomputes every score that uses it.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { postJson } from "./post-json";
import { useStaffAction } from "./use-staff-action";

type Item = { id: string; key: string; points: number; description: string; uses: number };

function ItemRow({ course, item }: { course: string; item: Item }) {
  const { busy, message, run } = useStaffAction();
  const t = useTranslations("staff.rubric");
  const [points, setPoints] = useState(String(item.points));
  const [description, setDescription] = useState(item.description);
  const dirty = Number(points) !== item.points || description !== item.description;
  return (
    <tr>
      <td>
        <code>{item.key}</code>
      </td>
      <td>
        <input
          aria-label={t("pointsOf", { key: item.key })}
          type="number"
          step="0.25"
          value={points}
          onChange={(e) => setPoints(e.target.value)}
          style={{ width: "5.5rem" }}
        />
      </td>
      <td>
        <input
          aria-label={t("descriptionOf", { key: item.key })}
          type="text"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          style={{ width: "100%" }}
        />
      </td>
      <td className="num">{item.uses}</td>
      <td>
        <button
          type="button"
          className="secondary"
          disabled={!dirty || busy}
          onClick={() =>
            void run(async () => {
              const r = await postJson<{ recomputed: number }>(`/api/courses/${course}/staff/rubric`, {
                rubricItemId: item.id,
                points: Number(points),
                description,
              });
              return t("saved", { count: r.recomputed });
            })
          }
        >
          {t("save")}
        </button>
        {message && (
          <div className={`small ${message.ok ? "ok-text" : "bad-text"}`} role="status">
            {message.text}
          </div>
        )}
      </td>
    </tr>
  );
}

export function RubricEditor({ course, items }: { course: string; items: Item[] }) {
  const t = useTranslations("staff.rubric");
  if (!items.length) return <p className="notice">{t("none")}</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">{t("colItem")}</th>
          <th scope="col">{t("colPoints")}</th>
          <th scope="col">{t("colDescription")}</th>
          <th scope="col" className="num">
            {t("colUsedBy")}
          </th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <ItemRow key={`${i.id}:${i.points}:${i.description}`} course={course} item={i} />
        ))}
      </tbody>
    </table>
  );
}
