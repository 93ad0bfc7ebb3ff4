"use client";
// Dates render in the reader's own time zone; the server's rendering (UTC) is the fallback
// until the browser takes over, so nothing jumps for people in UTC.
import { useEffect, useState } from "react";

const OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

export function LocalTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const [text, setText] = useState(() => date.toLocaleString("en-GB", { ...OPTIONS, timeZone: "UTC" }) + " UTC");
  useEffect(() => {
    setText(new Date(iso).toLocaleString(undefined, { ...OPTIONS, timeZoneName: "short" }));
  }, [iso]);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
