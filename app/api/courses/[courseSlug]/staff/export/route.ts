// GET ?format=canvas|long[&assignment=<slug>][&section=<s>] — the grade export as a CSV download.
import { STAFF, authorizeCourse } from "@/lib/access";
import { getDb } from "@/lib/db";
import { StaffError } from "@/lib/staff/errors";
import { staffHandler } from "@/lib/staff/http";
import { ExportRefused, exportGrades } from "@/lib/staff/export";
import { exportQuery } from "@/lib/staff/route-input";

export const GET = staffHandler(async (req: Request, { params }: { params: Promise<{ courseSlug: string }> }) => {
  const { courseSlug } = await params;
  const { course } = await authorizeCourse(courseSlug, STAFF);
  const q = exportQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  let csv: string;
  try {
    csv = await exportGrades(await getDb(), { courseId: course.id, format: q.format, assignmentSlug: q.assignment, section: q.section });
  } catch (error) {
    if (error instanceof ExportRefused) throw new StaffError(422, error.message);
    throw error;
  }
  const name = `${course.slug}-${q.assignment ?? "grades"}${q.section ? `-section-${q.section.replace(/[^A-Za-z0-9-]/g, "_")}` : ""}-${q.format}.csv`;
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
});
