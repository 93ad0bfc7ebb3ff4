// Adds a person to a term of a course or updates them, for npm run user:add (directly, or through
// the running site's admin endpoint). Fields it is not given are kept: a new password does not
// clear the section or the student id an import set. --admin makes the person a site admin (with or
// without a course role). No --term: the course's current term (lib/courses/current-term.ts).
import { z } from "zod";
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { ensureCourse } from "@/lib/courses/ensure-course";
import { findTerm } from "@/lib/courses/current-term";
import { courseSlug, termSlug } from "@/lib/courses/slugs";
import { hashPassword } from "@/lib/auth/passwords";
import { HttpError } from "@/lib/http/http-error";

export const MIN_PASSWORD_LENGTH = 10;

export const personInput = z
  .object({
    email: z.string({ error: "--email is required" }).trim().toLowerCase().email("--email must be an email address").max(254),
    name: z.string({ error: "--name is required" }).trim().min(1, "--name is required").max(200, "--name is over 200 characters"),
    role: z.enum(["student", "ta", "instructor"], { error: "--role must be student, ta or instructor" }).optional(),
    section: z.string().trim().max(64, "--section is over 64 characters").optional(),
    studentId: z.string().trim().max(64, "--student-id is over 64 characters").optional(),
    password: z.string().min(MIN_PASSWORD_LENGTH, `the password must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
    courseSlug: courseSlug,
    termSlug: termSlug.optional(),
    /** true: the course was named (--course); it must exist. false: COURSE_SLUG, made if missing (as before). */
    courseNamed: z.boolean().default(false),
    admin: z.boolean().default(false),
  })
  .refine((p) => p.role || p.admin, { message: "--role is required (student, ta or instructor), unless --admin alone is meant", path: ["role"] });
export type PersonInput = z.infer<typeof personInput>;

export type AddedPerson = { userId: string; created: boolean; term: string | null };

async function targetTerm(db: PrismaClient, input: PersonInput) {
  const existing = await db.course.findUnique({ where: { slug: input.courseSlug }, select: { id: true } });
  if (!existing && input.courseNamed)
    throw new HttpError(404, `No course "${input.courseSlug}"; sync its folder first (npm run courses:sync -- --dir <folder>) or create it on /admin.`);
  const course = existing ?? (await ensureCourse(db, input.courseSlug));
  const term = await findTerm(db, course.id, input.termSlug);
  if (!term) {
    const terms = await db.term.findMany({ where: { courseId: course.id }, select: { slug: true } });
    throw new HttpError(404, `No term "${input.termSlug}" in ${input.courseSlug}; its terms: ${terms.map((t) => t.slug).join(", ") || "none"}.`);
  }
  return { courseId: course.id, term };
}

export async function addPerson(db: PrismaClient, input: PersonInput): Promise<AddedPerson> {
  const target = input.role ? await targetTerm(db, input) : null;
  const passwordHash = await hashPassword(input.password);
  const role = input.role ? (input.role.toUpperCase() as Role) : null;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { email: input.email, name: input.name, passwordHash, studentId: input.studentId ?? null, isAdmin: input.admin },
      update: {
        name: input.name,
        passwordHash,
        ...(input.studentId !== undefined ? { studentId: input.studentId } : {}),
        ...(input.admin ? { isAdmin: true } : {}),
      },
    });
    if (target && role) {
      await tx.enrollment.upsert({
        where: { userId_termId: { userId: user.id, termId: target.term.id } },
        create: { userId: user.id, termId: target.term.id, role, section: input.section ?? null },
        update: { role, droppedAt: null, ...(input.section !== undefined ? { section: input.section } : {}) },
      });
    }
    await tx.auditLog.create({
      data: {
        courseId: target?.courseId ?? null,
        termId: target?.term.id ?? null,
        action: "user.add",
        targetId: user.id,
        data: { via: "user:add", role: input.role ?? null, admin: input.admin, created: !before },
      },
    });
    return { userId: user.id, created: !before, term: target?.term.slug ?? null };
  });
}
