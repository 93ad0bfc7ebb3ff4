// The one access guard. Every page and route handler asks it who the user is and
// what they may do in a course. Decisions: not signed in → sign-in; no such course or not enrolled
// → 404 (we do not confirm a course exists to outsiders); enrolled without the role → 403.
import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth";
import { getDb } from "@/lib/db";
import type { Course, Enrollment, Role, User } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";

export const STAFF: Role[] = ["TA", "INSTRUCTOR"];
export const EVERYONE: Role[] = ["STUDENT", "TA", "INSTRUCTOR"];

export type SessionUser = Pick<User, "id" | "email" | "name" | "isAdmin" | "locale">;
export type CourseAccess = { user: SessionUser; course: Course; enrollment: Enrollment; isStaff: boolean };

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

/** The decision itself, for a known user id (or none); shared by every adapter below. */
export async function decideCourseAccess(userId: string | null, courseSlug: string, roles: Role[] = EVERYONE): Promise<CourseAccess> {
  const user = userId ? await findSessionUser(userId) : null;
  if (!user) throw new HttpError(401, "Sign in to continue.");
  const db = await getDb();
  const course = await db.course.findUnique({ where: { slug: courseSlug } });
  const enrollment = course ? await db.enrollment.findUnique({ where: { userId_courseId: { userId: user.id, courseId: course.id } } }) : null;
  // A dropped person's work stays for staff, but the course is closed to them like any outsider.
  if (!course || !enrollment || enrollment.droppedAt) throw new HttpError(404, "No such course.");
  if (!roles.includes(enrollment.role)) throw new HttpError(403, "This page is for course staff.");
  return { user, course, enrollment, isStaff: STAFF.includes(enrollment.role) };
}

/** For route handlers: throws HttpError 401/403/404 (see lib/http/responses.ts). */
export async function authorizeCourse(courseSlug: string, roles: Role[] = EVERYONE): Promise<CourseAccess> {
  return decideCourseAccess(await sessionUserId(), courseSlug, roles);
}

function interrupt(error: unknown, callbackUrl: string): never {
  if (!(error instanceof HttpError)) throw error;
  if (error.status === 401) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (error.status === 404) notFound();
  if (error.status === 403) forbidden();
  throw error;
}

/** For pages: redirects to sign-in, or renders the 404 / 403 page. */
export async function requireCourseRole(courseSlug: string, roles: Role[] = EVERYONE, callbackUrl = `/courses/${courseSlug}`): Promise<CourseAccess> {
  try {
    return await authorizeCourse(courseSlug, roles);
  } catch (error) {
    interrupt(error, callbackUrl);
  }
}

export async function requireUser(callbackUrl = "/courses"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return user;
}

/** Site administrators (User.isAdmin): the LTI platform registration. 401 signed out, 403 others. */
export async function authorizeAdmin(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new HttpError(401, "Sign in to continue.");
  if (!user.isAdmin) throw new HttpError(403, "This page is for site administrators.");
  return user;
}

export async function requireAdmin(callbackUrl: string): Promise<SessionUser> {
  try {
    return await authorizeAdmin();
  } catch (error) {
    interrupt(error, callbackUrl);
  }
}
