// The shapes of course and term slugs, checked wherever one comes in (URL, CLI, course.yaml).
// A term slug starts with a four-digit year, so /courses/<course>/<term> can never be mistaken for
// today's static segments (assignments, staff, roster) that redirect to the current term.
import { z } from "zod";

export const COURSE_SLUG_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const TERM_SLUG_RE = /^[0-9]{4}-[a-z0-9-]{1,40}$/;

export const courseSlug = z.string().regex(COURSE_SLUG_RE, "a course slug is lowercase letters, digits and dashes, such as ml-theory");
export const termSlug = z.string().regex(TERM_SLUG_RE, "a term slug is a year, a dash and lowercase words, such as 2027-spring");

export const isTermSlug = (s: string) => TERM_SLUG_RE.test(s);

/**
 * How a browser names a course and term in a request body: "ml-theory/2027-spring", or (as before
 * terms) "ml-theory" for the course's current term.
 */
export const courseRef = z
  .string()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]{0,62}(\/[0-9]{4}-[a-z0-9-]{1,40})?$/, "must name a course (and term), such as ml-theory/2027-spring")
  .transform((s) => {
    const [course, term] = s.split("/");
    return { course: course!, term: term ?? null };
  });
export type CourseRef = z.output<typeof courseRef>;
