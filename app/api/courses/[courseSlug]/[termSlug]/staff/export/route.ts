// GET ?format=canvas|long[&assignment=<slug>][&section=<s>][&unreleased=include] — the grade export
// as a CSV download (scores not yet released are left out unless unreleased=include).
import { staffRoute } from "@/lib/http/staff-route";
import { exportGrades } from "@/lib/export/gradebook-csv";
import { exportQuery } from "@/lib/http/staff-route-input";

export const GET = staffRoute({ query: exportQuery }, async ({ db, course, term, query: q }) => {
  // A refused export (an HttpError from lib/staff/export) answers 422 with its message.
  const csv = await exportGrades(db, {
    termId: term.id,
    format: q.format,
    assignmentSlug: q.assignment,
    section: q.section,
    includeUnreleased: q.unreleased === "include",
  });
  const name = `${course.slug}-${term.slug}-${q.assignment ?? "grades"}${q.section ? `-section-${q.section.replace(/[^A-Za-z0-9-]/g, "_")}` : ""}-${q.format}.csv`;
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
});
