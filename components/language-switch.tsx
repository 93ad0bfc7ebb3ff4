"use client";
// Switches the UI language; the choice is kept in a cookie for a year (i18n/request.ts reads it).
import { useRouter } from "next/navigation";

export function LanguageSwitch({ locale, label }: { locale: "en" | "zh"; label: string }) {
  const router = useRouter();
  return (
    <label className="lang">
      <span className="sr-only">{label}</span>
      <select
        aria-label={label}
        value={locale}
        onChange={(e) => {
          document.cookie = `locale=${e.target.value}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
      >
        <option value="en">English</option>
        <option value="zh">中文</option>
      </select>
    </label>
  );
}
