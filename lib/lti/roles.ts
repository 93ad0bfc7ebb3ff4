// LTI roles → the course role: TeachingAssistant → TA, Instructor (or a context Administrator)
// → instructor, Learner → student. Checked in that order, so an instructor who is also listed as
// a learner is an instructor; a person with none of them (a Mentor, an Observer) gets no role.
import type { Role } from "@/lib/generated/prisma/client";

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

export function courseRoleOf(roles: readonly string[]): Role | null {
  const has = (...names: string[]) => roles.some((r) => names.includes(r));
  if (has(`${MEMBERSHIP}/Instructor#TeachingAssistant`, `${MEMBERSHIP}#TeachingAssistant`, "TeachingAssistant")) return "TA";
  if (has(`${MEMBERSHIP}#Instructor`, `${MEMBERSHIP}#Administrator`, "Instructor")) return "INSTRUCTOR";
  if (has(`${MEMBERSHIP}#Learner`, "Learner")) return "STUDENT";
  return null;
}
