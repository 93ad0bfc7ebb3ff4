import Link from "next/link";
import type { ReactNode } from "react";
import "./staff.css";

// The staff area's navigation. Access is decided by each page and route (the one guard), not here:
// a layout does not protect the route handlers, and pages render in parallel with it.
export default async function StaffLayout({ children, params }: { children: ReactNode; params: Promise<{ courseSlug: string }> }) {
  const { courseSlug } = await params;
  const base = `/courses/${courseSlug}/staff`;
  return (
    <>
      <nav className="staff-nav" aria-label="Staff">
        <strong>Staff</strong>
        <Link href={base}>Overview</Link>
        <Link href={`${base}/gradebook`}>Gradebook</Link>
        <Link href={`${base}/grading`}>Proof grading</Link>
        <Link href={`${base}/extensions`}>Extensions</Link>
        <Link href={`${base}/roster`}>Roster</Link>
        <Link href={`${base}/analytics`}>Analytics</Link>
        <Link href={`${base}/similarity`}>Similarity</Link>
        <Link href={`${base}/lti`}>LMS</Link>
      </nav>
      {children}
    </>
  );
}
