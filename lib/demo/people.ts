// The demo people, for trying the site locally (the course itself is lib/courses/ensure-course.ts).
// Never seeded into a DATABASE_URL database unless asked (`npm run seed -- --demo`), and refused in production.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/passwords";

export const DEMO_PEOPLE: { email: string; name: string; role: Role; section: string | null; studentId: string | null }[] = [
  { email: "instructor@demo.test", name: "Wei Lin", role: "INSTRUCTOR", section: null, studentId: null },
  { email: "ta@demo.test", name: "Sam Rivera", role: "TA", section: null, studentId: null },
  { email: "student1@demo.test", name: "Alice Chen", role: "STUDENT", section: "A", studentId: "S1001" },
  { email: "student2@demo.test", name: "Bob Kumar", role: "STUDENT", section: "A", studentId: "S1002" },
  { email: "student3@demo.test", name: "Chloé Martin", role: "STUDENT", section: "B", studentId: "S1003" },
];

/** DEMO_PASSWORD, or a random one kept in DATA_DIR/demo-password (local-only, never a default). */
export function demoPassword(): string {
  const env = getEnv();
  if (env.DEMO_PASSWORD) return env.DEMO_PASSWORD;
  const file = path.resolve(env.DATA_DIR, "demo-password");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(9).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

export async function seedDemoPeople(db: PrismaClient, termId: string, password: string): Promise<void> {
  if (getEnv().NODE_ENV === "production") {
    throw new Error("Refusing to create demo accounts with NODE_ENV=production: they have a shared password.");
  }
  const passwordHash = await hashPassword(password);
  for (const p of DEMO_PEOPLE) {
    const user = await db.user.upsert({
      where: { email: p.email },
      create: { email: p.email, name: p.name, passwordHash, studentId: p.studentId },
      update: { passwordHash },
    });
    await db.enrollment.upsert({
      where: { userId_termId: { userId: user.id, termId } },
      create: { userId: user.id, termId, role: p.role, section: p.section },
      update: { role: p.role, section: p.section },
    });
  }
}

export function describeDemo(password: string, baseUrl: string): string {
  const lines = DEMO_PEOPLE.map((p) => `  ${p.role.padEnd(10)} ${p.email}`);
  return [`Demo accounts (local only) at ${baseUrl}, password: ${password}`, ...lines].join("\n");
}
