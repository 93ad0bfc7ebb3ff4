"use client";
import { useTranslations } from "next-intl";
import type { SendState } from "./use-submission";

export function SendError({ state }: { state: SendState }) {
  const t = useTranslations("errors");
  if (state.phase !== "error") return null;
  return (
    <p className="error" role="alert">
      {state.message === "network" ? t("network") : state.message}
    </p>
  );
}
