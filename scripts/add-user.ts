// npm run user:add -- --email prof@uni.edu --name "Prof. Lin" --role instructor [--section A] [--student-id S1]
// Creates (or updates) a person and enrolls them in COURSE_SLUG's course. This is how the first
// instructor of a real deployment gets in; everyone else comes by roster import or single sign-on.
// The password is printed once (or taken from USER_PASSWORD), never stored in clear.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb, getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/maintenance";
import { ensureCourse } from "@/lib/courses/ensure-course";
import { hashPassword } from "@/lib/auth/passwords";
import { exitWithError } from "./lib/fatal";

const argsSchema = z.object({
  email: z.string({ error: "--email is required" }).trim().toLowerCase().email("--email must be an email address"),
  name: z.string({ error: "--name is required" }).trim().min(1, "--name is required"),
  role: z.enum(["student", "ta", "instructor"], { error: "--role must be student, ta or instructor" }),
  section: z.string().max(64).optional(),
  "student-id": z.string().max(64).optional(),
});

try {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, section: { type: "string" }, "student-id": { type: "string" } },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join("\n"));
    console.error('Usage: npm run user:add -- --email prof@uni.edu --name "Prof. Lin" --role instructor [--section A] [--student-id S1]');
    process.exit(2);
  }
  const a = parsed.data;
  const password = process.env.USER_PASSWORD ?? randomBytes(12).toString("base64url");
  if (password.length < 10) throw new Error("USER_PASSWORD must be at least 10 characters");
  await migrateDatabase();
  const db = await getDb();
  const course = await ensureCourse(db, getEnv().COURSE_SLUG);
  const passwordHash = await hashPassword(password);
  const user = await db.user.upsert({
    where: { email: a.email },
    create: { email: a.email, name: a.name, passwordHash, studentId: a["student-id"] ?? null },
    update: { name: a.name, passwordHash },
  });
  const role = a.role.toUpperCase() as "STUDENT" | "TA" | "INSTRUCTOR";
  await db.enrollment.upsert({
    where: { userId_courseId: { userId: user.id, courseId: course.id } },
    create: { userId: user.id, courseId: course.id, role, section: a.section ?? null },
    update: { role, section: a.section ?? null },
  });
  console.log(`${a.email} is ${a.role} of ${getEnv().COURSE_SLUG}.${process.env.USER_PASSWORD ? "" : ` Password (shown once): ${password}`}`);
  await closeDb();
} catch (error) {
  exitWithError(error);
}
