"use client";
// "due in 2 d 5 h" that ticks every 30 s; rendered only in the browser (the server's clock and
// the reader's may disagree, and a countdown is about the reader's now).
import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";

function subscribe(tick: () => void) {
  const t = setInterval(tick, 30_000);
  return () => clearInterval(t);
}

function formatSpan(ms: number): string {
  const m = Math.floor(ms / 60_000);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m % 60} min`;
  return `${Math.max(m, 0)} min`;
}

export function Countdown({ iso }: { iso: string }) {
  const t = useTranslations("course");
  const now = useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / 30_000) * 30_000,
    () => 0,
  );
  if (!now) return null;
  const left = new Date(iso).getTime() - now;
  return <span className={`countdown ${left < 86_400_000 && left > 0 ? "soon" : ""}`}>{left > 0 ? t("dueIn", { time: formatSpan(left) }) : t("overdue")}</span>;
}
