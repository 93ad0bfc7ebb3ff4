"use client";
// Bar charts for the analytics page (chart.js through react-chartjs-2), with the numbers also in
// an accessible table below each chart.
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from "chart.js";
import { Bar } from "react-chartjs-2";

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

type Series = { label: string; data: number[]; color: string };

export function BarChart({
  title,
  labels,
  series,
  yLabel,
  max,
  horizontal = false,
}: {
  title: string;
  labels: string[];
  series: Series[];
  yLabel: string;
  max?: number;
  horizontal?: boolean;
}) {
  const stacked = series.length > 1;
  return (
    <figure className="chart-box" style={{ margin: 0 }}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <div style={{ position: "relative", height: horizontal ? Math.max(160, labels.length * 26 + 60) : 260 }}>
        <Bar
          aria-label={title}
          role="img"
          data={{ labels, datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color })) }}
          options={{
            indexAxis: horizontal ? "y" : "x",
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { display: stacked } },
            scales: {
              x: { stacked, ...(horizontal ? { title: { display: true, text: yLabel }, ...(max !== undefined ? { max } : {}), beginAtZero: true } : {}) },
              y: { stacked, ...(!horizontal ? { title: { display: true, text: yLabel }, beginAtZero: true, ticks: { precision: 0 } } : {}) },
            },
          }}
        />
      </div>
    </figure>
  );
}
