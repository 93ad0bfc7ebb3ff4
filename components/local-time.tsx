"use client";
// Dates render in the reader's own time zone. The server renders UTC (it cannot know the zone);
// after hydration the browser's zone takes over, without a mismatch warning.
import { useSyncExternalStore } from "react";

// Explicit fields: dateStyle/timeStyle cannot be combined with timeZoneName.
const OPTIONS: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" };
const noSubscription = () => () => {};

function formatLocal(iso: string, onClient: boolean): string {
  const date = new Date(iso);
  return onClient
    ? date.toLocaleString(undefined, { ...OPTIONS, timeZoneName: "short" })
    : `${date.toLocaleString("en-GB", { ...OPTIONS, timeZone: "UTC" })} UTC`;
}

export function LocalTime({ iso }: { iso: string }) {
  const onClient = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return <time dateTime={iso}>{formatLocal(iso, onClient)}</time>;
}
