// Roster import from CSV (email, name, student id, section, role): every row is checked first and
// the report names each bad row and what is wrong with it; the import itself is one transaction
// and is refused while any row is bad, so a file is imported completely or not at all.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";

export const ROSTER_COLUMNS = ["email", "name", "student id", "section", "role"] as const;

const ROLES: Record<string, Role> = { student: "STUDENT", ta: "TA", instructor: "INSTRUCTOR" };

const rowSchema = z.object({
  email: z
    .email("is not a valid email address")
    .max(254)
    .transform((e) => e.toLowerCase()),
  name: z.string().min(1, "name is empty").max(200, "name is over 200 characters"),
  studentId: z.string().max(64, "student id is over 64 characters").nullable(),
  section: z.string().max(64, "section is over 64 characters").nullable(),
  role: z.string().transform((r, ctx) => {
    const role = ROLES[(r || "student").toLowerCase()];
    if (!role) {
      ctx.addIssue({ code: "custom", message: `role "${r}" is not one of student, ta, instructor` });
      return z.NEVER;
    }
    return role;
  }),
});

export type RosterRow = z.infer<typeof rowSchema> & { line: number; action: "add" | "update" | "unchanged" };
export type BadRow = { line: number; text: string; problems: string[] };
export type RosterPreview = { rows: RosterRow[]; bad: BadRow[] };

export async function previewRoster(db: PrismaClient, termId: string, csv: string, actorRole: Role): Promise<RosterPreview> {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new HttpError(
      400,
      `The file is not valid CSV (${error instanceof Error ? error.message : String(error)}). Save it as CSV with a comma between fields.`,
    );
  }
  const first = records[0]?.map((c) => c.toLowerCase());
  const hasHeader = Boolean(first && first[0] === "email");
  if (hasHeader && ROSTER_COLUMNS.some((c, i) => first![i] !== c)) {
    throw new HttpError(400, `The header must be exactly: ${ROSTER_COLUMNS.join(",")} (got: ${records[0]!.join(",")}).`);
  }
  const body = hasHeader ? records.slice(1) : records;
  if (body.length === 0) throw new HttpError(400, "The file has no rows. Give one person per line: email,name,student id,section,role.");
  const rows: RosterRow[] = [];
  const bad: BadRow[] = [];
  const seen = new Map<string, number>();
  const existing = await db.enrollment.findMany({ where: { termId }, include: { user: { select: { email: true, name: true, studentId: true } } } });
  const byEmail = new Map(existing.map((e) => [e.user.email.toLowerCase(), e]));
  body.forEach((cells, i) => {
    const line = i + 1 + (hasHeader ? 1 : 0);
    const text = cells.join(",");
    const problems: string[] = [];
    if (cells.length !== ROSTER_COLUMNS.length) problems.push(`has ${cells.length} fields, expected ${ROSTER_COLUMNS.length} (${ROSTER_COLUMNS.join(", ")})`);
    const parsed = rowSchema.safeParse({
      email: cells[0] ?? "",
      name: cells[1] ?? "",
      studentId: cells[2] || null,
      section: cells[3] || null,
      role: cells[4] ?? "",
    });
    if (!parsed.success) problems.push(...parsed.error.issues.map((x) => x.message));
    if (parsed.success) {
      const dup = seen.get(parsed.data.email);
      if (dup) problems.push(`${parsed.data.email} is already on line ${dup}`);
      seen.set(parsed.data.email, line);
    }
    // TAs manage students; only instructors add or change staff (no one promotes themselves).
    const current = parsed.success ? byEmail.get(parsed.data.email) : undefined;
    if (parsed.success && actorRole !== "INSTRUCTOR" && (parsed.data.role !== "STUDENT" || (current && current.role !== "STUDENT"))) {
      problems.push("only an instructor can add or change TAs and instructors");
    }
    if (problems.length || !parsed.success) {
      bad.push({ line, text, problems });
      return;
    }
    const e = byEmail.get(parsed.data.email);
    const same =
      e &&
      e.role === parsed.data.role &&
      (e.section ?? null) === parsed.data.section &&
      e.user.name === parsed.data.name &&
      (parsed.data.studentId === null || e.user.studentId === parsed.data.studentId);
    rows.push({ ...parsed.data, line, action: !e ? "add" : same ? "unchanged" : "update" });
  });
  return { rows, bad };
}

/** Imports the whole file in one transaction, or nothing when any row is bad. */
export async function importRoster(
  db: PrismaClient,
  termId: string,
  csv: string,
  actor: { id: string; role: Role },
): Promise<RosterPreview & { imported: number }> {
  const actorId = actor.id;
  const preview = await previewRoster(db, termId, csv, actor.role);
  if (preview.bad.length)
    throw new HttpError(
      422,
      `Nothing was imported: ${preview.bad.length} row${preview.bad.length === 1 ? " is" : "s are"} bad (first: line ${preview.bad[0]!.line}: ${preview.bad[0]!.problems.join("; ")}). Fix them and import again.`,
    );
  const me = await db.enrollment.findUnique({ where: { userId_termId: { userId: actorId, termId } }, include: { user: true } });
  const mine = preview.rows.find((r) => r.email === me?.user.email.toLowerCase());
  if (me && mine && mine.role !== me.role && me.role === "INSTRUCTOR")
    throw new HttpError(422, `Line ${mine.line} would change your own role; ask another instructor to do that.`);
  await db.$transaction(async (tx) => {
    for (const r of preview.rows) {
      if (r.action === "unchanged") continue;
      const user = await tx.user.upsert({
        where: { email: r.email },
        create: { email: r.email, name: r.name, studentId: r.studentId },
        update: { name: r.name, ...(r.studentId !== null ? { studentId: r.studentId } : {}) },
      });
      await tx.enrollment.upsert({
        where: { userId_termId: { userId: user.id, termId } },
        create: { userId: user.id, termId, role: r.role, section: r.section },
        update: { role: r.role, section: r.section },
      });
    }
    await tx.auditLog.create({
      data: {
        termId,
        actorId,
        action: "roster.import",
        data: {
          rows: preview.rows.length,
          added: preview.rows.filter((r) => r.action === "add").length,
          updated: preview.rows.filter((r) => r.action === "update").length,
        },
      },
    });
  });
  return { ...preview, imported: preview.rows.filter((r) => r.action !== "unchanged").length };
}
