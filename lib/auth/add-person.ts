// Adds a person to a course or updates them, for npm run user:add (directly, or through the running
// site's admin endpoint). Fields it is not given are kept: a new password does not clear the
// section or the student id an import set.
import { z } from "zod";
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { ensureCourse } from "@/lib/courses/ensure-course";
import { hashPassword } from "@/lib/auth/passwords";

export const MIN_PASSWORD_LENGTH = 10;

export const personInput = z.object({
  email: z.string({ error: "--email is required" }).trim().toLowerCase().email("--email must be an email address").max(254),
  name: z.string({ error: "--name is required" }).trim().min(1, "--name is required").max(200, "--name is over 200 characters"),
  role: z.enum(["student", "ta", "instructor"], { error: "--role must be student, ta or instructor" }),
  section: z.string().trim().max(64, "--section is over 64 characters").optional(),
  studentId: z.string().trim().max(64, "--student-id is over 64 characters").optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH, `the password must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
  courseSlug: z.string().regex(/^[a-z0-9-]+$/, "the course must be a slug such as ml-theory"),
});
export type PersonInput = z.infer<typeof personInput>;

export async function addPerson(db: PrismaClient, input: PersonInput): Promise<{ userId: string; created: boolean }> {
  const course = await ensureCourse(db, input.courseSlug);
  const passwordHash = await hashPassword(input.password);
  const role = input.role.toUpperCase() as Role;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { email: input.email, name: input.name, passwordHash, studentId: input.studentId ?? null },
      update: { name: input.name, passwordHash, ...(input.studentId !== undefined ? { studentId: input.studentId } : {}) },
    });
    await tx.enrollment.upsert({
      where: { userId_courseId: { userId: user.id, courseId: course.id } },
      create: { userId: user.id, courseId: course.id, role, section: input.section ?? null },
      update: { role, droppedAt: null, ...(input.section !== undefined ? { section: input.section } : {}) },
    });
    await tx.auditLog.create({
      data: { courseId: course.id, action: "user.add", targetId: user.id, data: { via: "user:add", role: input.role, created: !before } },
    });
    return { userId: user.id, created: !before };
  });
}
