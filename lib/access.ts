// The one access guard. Every page and route handler asks it who the user is and what they may do
// in one term of a course. Decisions: not signed in → sign-in; no such course or term, or not
// enrolled in that term → 404 (we do not confirm a course exists to outsiders; a student of last
// term is an outsider to this one); enrolled without the role → 403. A site admin passes
// everywhere (as an instructor would); each admin visit to a term they are not enrolled in is
// written to the audit log.
import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth";
import { getDb } from "@/lib/db";
import type { Course, Enrollment, Role, Term, User } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";
import { findTerm } from "@/lib/courses/current-term";

export const STAFF: Role[] = ["TA", "INSTRUCTOR"];
export const EVERYONE: Role[] = ["STUDENT", "TA", "INSTRUCTOR"];

export type SessionUser = Pick<User, "id" | "email" | "name" | "isAdmin" | "locale">;
/**
 * `role` is what the person may do here: their enrollment's role, or INSTRUCTOR for a site admin
 * who is not enrolled (then `enrollment` is null and `viaAdmin` is true).
 */
export type CourseAccess = {
  user: SessionUser;
  course: Course;
  term: Term;
  enrollment: Enrollment | null;
  role: Role;
  isStaff: boolean;
  viaAdmin: boolean;
};

// The layout and the page of one request both ask who is signed in: React's cache() makes that
// one session decode and one query per request (outside a request it simply calls through).
const sessionUserId = cache(async (): Promise<string | null> => {
  const session = await getServerSession(authOptions);
  return (session?.user as { id?: string } | undefined)?.id ?? null;
});

const findSessionUser = cache(async (id: string): Promise<SessionUser | null> => {
  const db = await getDb();
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, isAdmin: true, locale: true } });
});

/** The signed-in user, or null (also for a stale cookie whose user no longer exists). */
export async function currentUser(): Promise<SessionUser | null> {
  const id = await sessionUserId();
  return id ? findSessionUser(id) : null;
}

// One audit row per admin visit and request (the layout and the page of one request share it).
const auditAdminVisit = cache(async (userId: string, courseId: string, termId: string): Promise<void> => {
  const db = await getDb();
  await db.auditLog.create({ data: { courseId, termId, actorId: userId, action: "admin.access", targetId: termId, data: {} } });
});

/**
 * The decision itself, for a known user id (or none); shared by every adapter below. `termSlug`
 * null means the course's current term (lib/courses/current-term.ts).
 */
export async function decideTermAccess(userId: string | null, courseSlug: string, termSlug: string | null, roles: Role[] = EVERYONE): Promise<CourseAccess> {
  const user = userId ? await findSessionUser(userId) : null;
  if (!user) throw new HttpError(401, "Sign in to continue.");
  const db = await getDb();
  const course = await db.course.findUnique({ where: { slug: courseSlug } });
  const term = course ? await findTerm(db, course.id, termSlug) : null;
  const enrollment = term ? await db.enrollment.findUnique({ where: { userId_termId: { userId: user.id, termId: term.id } } }) : null;
  const enrolled = enrollment && !enrollment.droppedAt ? enrollment : null;
  if (!course || !term) throw new HttpError(404, "No such course.");
  if (!enrolled && user.isAdmin) {
    await auditAdminVisit(user.id, course.id, term.id);
    return { user, course, term, enrollment: null, role: "INSTRUCTOR", isStaff: true, viaAdmin: true };
  }
  // A dropped person's work stays for staff, but the course is closed to them like any outsider.
  if (!enrolled) throw new HttpError(404, "No such course.");
  if (!roles.includes(enrolled.role)) throw new HttpError(403, "This page is for course staff.");
  return { user, course, term, enrollment: enrolled, role: enrolled.role, isStaff: STAFF.includes(enrolled.role), viaAdmin: false };
}

/** Today's decision in the course's current term (kept for callers that name no term). */
export async function decideCourseAccess(userId: string | null, courseSlug: string, roles: Role[] = EVERYONE): Promise<CourseAccess> {
  return decideTermAccess(userId, courseSlug, null, roles);
}

/** For route handlers: throws HttpError 401/403/404 (see lib/http/responses.ts). */
export async function authorizeTerm(courseSlug: string, termSlug: string | null, roles: Role[] = EVERYONE): Promise<CourseAccess> {
  return decideTermAccess(await sessionUserId(), courseSlug, termSlug, roles);
}

/** For route handlers that name no term: the course's current term. */
export async function authorizeCourse(courseSlug: string, roles: Role[] = EVERYONE): Promise<CourseAccess> {
  return authorizeTerm(courseSlug, null, roles);
}

/** For site-admin pages and routes: 401 when signed out, 404 for everyone but an admin. */
export async function authorizeAdmin(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new HttpError(401, "Sign in to continue.");
  if (!user.isAdmin) throw new HttpError(404, "No such page.");
  return user;
}

function interrupt(error: unknown, callbackUrl: string): never {
  if (!(error instanceof HttpError)) throw error;
  if (error.status === 401) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (error.status === 404) notFound();
  if (error.status === 403) forbidden();
  throw error;
}

/** For pages: redirects to sign-in, or renders the 404 / 403 page. */
export async function requireTermRole(
  courseSlug: string,
  termSlug: string,
  roles: Role[] = EVERYONE,
  callbackUrl = `/courses/${courseSlug}/${termSlug}`,
): Promise<CourseAccess> {
  try {
    return await authorizeTerm(courseSlug, termSlug, roles);
  } catch (error) {
    interrupt(error, callbackUrl);
  }
}

/** For pages under today's URLs (no term): the course's current term. */
export async function requireCourseRole(courseSlug: string, roles: Role[] = EVERYONE, callbackUrl = `/courses/${courseSlug}`): Promise<CourseAccess> {
  try {
    return await authorizeCourse(courseSlug, roles);
  } catch (error) {
    interrupt(error, callbackUrl);
  }
}

export async function requireAdmin(callbackUrl = "/admin"): Promise<SessionUser> {
  try {
    return await authorizeAdmin();
  } catch (error) {
    interrupt(error, callbackUrl);
  }
}

export async function requireUser(callbackUrl = "/courses"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
}
