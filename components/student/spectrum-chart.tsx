"use client";
// Log-log plot of the student's eigenvalues against the reference on the visible data set.
import { CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, LogarithmicScale, PointElement, Title, Tooltip } from "chart.js";
import { Line } from "react-chartjs-2";
import { useTranslations } from "next-intl";

ChartJS.register(CategoryScale, LinearScale, LogarithmicScale, PointElement, LineElement, Title, Tooltip, Legend);

export function SpectrumChart({ yours, reference }: { yours: number[]; reference: number[] }) {
  const t = useTranslations("chart");
  const points = (values: number[]) => values.map((v, i) => ({ x: i + 1, y: v })).filter((p) => p.y > 0);
  return (
    <figure className="chart card" aria-label={t("title")}>
      <Line
        data={{
          datasets: [
            { label: t("reference"), data: points(reference), borderColor: "#64748b", backgroundColor: "#64748b", borderDash: [6, 4], pointRadius: 2 },
            { label: t("yours"), data: points(yours), borderColor: "#1f5fbf", backgroundColor: "#1f5fbf", pointRadius: 3 },
          ],
        }}
        options={{
          parsing: false,
          animation: false,
          plugins: { title: { display: true, text: t("title") } },
          scales: {
            x: { type: "logarithmic", title: { display: true, text: t("index") } },
            y: { type: "logarithmic", title: { display: true, text: t("value") } },
          },
        }}
      />
    </figure>
  );
}
