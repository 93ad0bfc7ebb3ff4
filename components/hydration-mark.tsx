"use client";
// Marks <html data-hydrated> once React has hydrated the page, i.e. once buttons, forms and
// keyboard shortcuts work. The browser tests wait for it instead of guessing with timeouts.
import { useEffect } from "react";

export function HydrationMark() {
  useEffect(() => {
    document.documentElement.setAttribute("data-hydrated", "");
  }, []);
  return null;
}
