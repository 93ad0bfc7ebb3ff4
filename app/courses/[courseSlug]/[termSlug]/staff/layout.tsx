import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import "./staff.css";

// The staff area's navigation. Access is decided by each page and route (the one guard), not here:
// a layout does not protect the route handlers, and pages render in parallel with it.
export default async function StaffLayout({ children, params }: { children: ReactNode; params: Promise<{ courseSlug: string; termSlug: string }> }) {
  const { courseSlug, termSlug } = await params;
  const base = `/courses/${courseSlug}/${termSlug}/staff`;
  const t = await getTranslations("staff.nav");
  return (
    <>
      <nav className="staff-nav" aria-label={t("label")}>
        <strong>{t("title")}</strong>
        <Link href={base}>{t("overview")}</Link>
        <Link href={`${base}/gradebook`}>{t("gradebook")}</Link>
        <Link href={`${base}/grading`}>{t("grading")}</Link>
        <Link href={`${base}/extensions`}>{t("extensions")}</Link>
        <Link href={`${base}/roster`}>{t("roster")}</Link>
        <Link href={`${base}/analytics`}>{t("analytics")}</Link>
        <Link href={`${base}/similarity`}>{t("similarity")}</Link>
        <Link href={`${base}/regrade-requests`}>{t("regradeRequests")}</Link>
        <Link href={`${base}/lti`}>{t("lms")}</Link>
      </nav>
      {children}
    </>
  );
}
