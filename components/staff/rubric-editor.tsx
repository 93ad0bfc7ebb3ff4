"use client";
// Edit a rubric item's points or description; the server recomputes every score that uses it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "./post-json";

type Item = { id: string; key: string; points: number; description: string; uses: number };

function ItemRow({ course, item }: { course: string; item: Item }) {
  const router = useRouter();
  const [points, setPoints] = useState(String(item.points));
  const [description, setDescription] = useState(item.description);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = Number(points) !== item.points || description !== item.description;
  return (
    <tr>
      <td><code>{item.key}</code></td>
      <td><input aria-label={`Points of ${item.key}`} type="number" step="0.25" value={points} onChange={(e) => setPoints(e.target.value)} style={{ width: "5.5rem" }} /></td>
      <td><input aria-label={`Description of ${item.key}`} type="text" value={description} onChange={(e) => setDescription(e.target.value)} style={{ width: "100%" }} /></td>
      <td className="num">{item.uses}</td>
      <td>
        <button
          type="button"
          className="secondary"
          disabled={!dirty || busy}
          onClick={async () => {
            setBusy(true);
            setMessage(null);
            try {
              const r = await postJson<{ recomputed: number }>(`/api/courses/${course}/staff/rubric`, { rubricItemId: item.id, points: Number(points), description });
              setMessage({ ok: true, text: `Saved; ${r.recomputed} score${r.recomputed === 1 ? "" : "s"} recomputed.` });
              router.refresh();
            } catch (e) {
              setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
            } finally {
              setBusy(false);
            }
          }}
        >
          Save
        </button>
        {message && <div className={`small ${message.ok ? "ok-text" : "bad-text"}`} role="status">{message.text}</div>}
      </td>
    </tr>
  );
}

export function RubricEditor({ course, items }: { course: string; items: Item[] }) {
  if (!items.length) return <p className="notice">This question has no rubric items.</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Points</th>
          <th scope="col">Description</th>
          <th scope="col" className="num">Used by</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {items.map((i) => <ItemRow key={`${i.id}:${i.points}:${i.description}`} course={course} item={i} />)}
      </tbody>
    </table>
  );
}
