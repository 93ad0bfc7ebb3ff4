"use client";
// One recorded figure of the student's graded run (their eigenvalues against the reference, fitted
// fraction per group count, training curves, stable rank, spectra), drawn with Chart.js. Titles,
// axes and legends come from messages (chart.figures.<id>, chart.series.<key>).
import { CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, LogarithmicScale, PointElement, Title, Tooltip } from "chart.js";
import { Line } from "react-chartjs-2";
import { useTranslations } from "next-intl";
import type { FigureView } from "@/lib/submissions/figures";

ChartJS.register(CategoryScale, LinearScale, LogarithmicScale, PointElement, LineElement, Title, Tooltip, Legend);

// Colour-blind-safe pairs: references grey and dashed, the student's own runs in strong colours.
const COLOURS = ["#1f5fbf", "#c2410c", "#15803d", "#7e22ce"];
const REFERENCE = "#64748b";

export function FigureChart({ figure }: { figure: FigureView }) {
  const t = useTranslations("chart");
  let own = 0;
  const datasets = figure.series.map((s) => {
    const colour = s.dashed ? REFERENCE : COLOURS[own++ % COLOURS.length]!;
    const many = s.points.length > 12;
    return {
      label: t(`series.${s.key}`),
      data: s.points,
      borderColor: colour,
      backgroundColor: colour,
      borderDash: s.dashed ? [6, 4] : [],
      pointRadius: many ? 0 : 3,
      borderWidth: 2,
    };
  });
  const title = t(`figures.${figure.id}.title`);
  return (
    <figure className="chart card" aria-label={title} data-figure={figure.id}>
      <div className="chart-canvas">
        <Line
          data={{ datasets }}
          options={{
            parsing: false,
            animation: false,
            maintainAspectRatio: false,
            plugins: { title: { display: true, text: title } },
            scales: {
              x: {
                type: figure.logX ? "logarithmic" : "linear",
                title: { display: true, text: t(`figures.${figure.id}.x`) },
                // Integer x values (group counts, indices) need no decimals.
                ticks: { callback: (v) => (Number.isInteger(Number(v)) ? String(v) : "") },
              },
              y: { type: figure.logY ? "logarithmic" : "linear", title: { display: true, text: t(`figures.${figure.id}.y`) } },
            },
          }}
        />
      </div>
    </figure>
  );
}
