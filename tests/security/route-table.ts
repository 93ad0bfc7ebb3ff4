// The authorization matrix's route table: every page and route handler of app/, with who may use
// it. tests/security/authz-matrix.test.ts walks app/ and fails for any route missing here, then
// requests every route as every persona on their own and on another user's object.
// studentLastTerm: a student of the same course's previous (ended) term; taOther: a TA of another
// course; admin: a site admin enrolled nowhere (passes as an instructor, each visit audited).
export type Persona = "anonymous" | "student" | "studentOther" | "ta" | "instructor" | "taOther" | "studentLastTerm" | "admin";
export const PERSONAS: Persona[] = ["anonymous", "student", "studentOther", "ta", "instructor", "taOther", "studentLastTerm", "admin"];

/** What a request may expect: an exact status, a redirect to sign-in, or "allowed" (the guard let
 * it through: not 401/403 and not the guard's 404 "No such course."; validation or a missing
 * object may still answer 400/404/409/422). */
export type Outcome = 200 | 401 | 403 | 404 | "signin" | "allowed" | "redirect";

export type Objects = {
  course: string;
  /** The course's current term (today's URLs redirect there). */
  term: string;
  codeAssignment: string;
  codeQuestion: string;
  proofAssignment: string;
  proofQuestion: string;
  /** "own": the student persona's own object (or an object of the course, for staff routes);
   *  "other": another user's object: another student's in the course for student-owned objects,
   *  another course's for course objects. */
  submission: { own: string; other: string };
  proofSubmission: { own: string; other: string };
  student: { own: string; other: string };
  rubricItem: { own: string; other: string };
};

export type Which = "own" | "other";
export type Request = { path: string; body?: unknown };
/** "anyone": a public API whose own credential is in the body (a password link): every persona,
 *  signed in or not, gets past any guard to the input check. "signed-in-input": any signed-in
 *  person gets past the guard to the input check (its credential, a signed ticket, is in the body).
 *  "admin": site administrators only. */
export type Access =
  "public" | "anyone" | "signed-in" | "signed-in-input" | "course" | "students" | "staff" | "instructors" | "author-or-staff" | "author" | "legacy" | "admin";

export type RouteSpec = {
  access: Access;
  /** Method to request (pages: GET). */
  method: "GET" | "POST" | "PUT" | "DELETE";
  build: (o: Objects, which: Which) => Request;
  /** Whether the object matters (own vs other); when false, "other" is not requested. */
  objectScoped?: boolean;
  /** Not requested by the matrix, with the reason (still listed so new routes cannot slip in). */
  skip?: string;
};

const api = (access: Access, method: RouteSpec["method"], build: RouteSpec["build"], objectScoped = false): RouteSpec => ({
  access,
  method,
  build,
  objectScoped,
});

export const ROUTES: Record<string, RouteSpec[]> = {
  "/": [{ access: "public", method: "GET", build: () => ({ path: "/" }) }],
  "/signin": [
    { access: "public", method: "GET", build: () => ({ path: "/signin" }), skip: "public sign-in form; signed-in visitors are redirected on to their courses" },
  ],
  "/api/auth/[...nextauth]": [
    { access: "public", method: "GET", build: () => ({ path: "/api/auth/providers" }), skip: "next-auth's own endpoints" },
    { access: "public", method: "POST", build: () => ({ path: "/api/auth/signout" }), skip: "next-auth's own endpoints (CSRF-protected by next-auth)" },
  ],
  "/set-password": [{ access: "public", method: "GET", build: () => ({ path: "/set-password?token=not-a-real-token-not-a-real-token" }) }],
  "/forgot-password": [{ access: "public", method: "GET", build: () => ({ path: "/forgot-password" }) }],
  // Bodies the input check refuses before any lookup: the matrix must not spend the sign-in throttle.
  "/api/password": [api("anyone", "POST", () => ({ path: "/api/password", body: { token: "too-short", password: "x", confirm: "y" } }))],
  "/api/password/forgot": [api("anyone", "POST", () => ({ path: "/api/password/forgot", body: { email: "not-an-email" } }))],
  "/courses": [{ access: "signed-in", method: "GET", build: () => ({ path: "/courses" }) }],
  // Today's URLs from before terms: a redirect into a term for the course's people, 404 for others.
  "/courses/[courseSlug]": [{ access: "legacy", method: "GET", build: (o) => ({ path: `/courses/${o.course}` }) }],
  "/courses/[courseSlug]/roster": [{ access: "legacy", method: "GET", build: (o) => ({ path: `/courses/${o.course}/roster` }) }],
  "/courses/[courseSlug]/assignments/[...rest]": [
    { access: "legacy", method: "GET", build: (o) => ({ path: `/courses/${o.course}/assignments/${o.codeAssignment}` }) },
  ],
  "/courses/[courseSlug]/staff/[[...rest]]": [{ access: "legacy", method: "GET", build: (o) => ({ path: `/courses/${o.course}/staff/gradebook?section=A` }) }],
  "/admin": [{ access: "admin", method: "GET", build: () => ({ path: "/admin" }) }],
  // A body the input check refuses: the matrix proves the guard runs first and changes nothing.
  "/api/admin": [api("admin", "POST", () => ({ path: "/api/admin", body: { action: "course", slug: "Not A Slug", title: "" } }))],
  "/courses/[courseSlug]/[termSlug]": [{ access: "course", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}` }) }],
  "/courses/[courseSlug]/[termSlug]/roster": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/roster` }) }],
  "/courses/[courseSlug]/[termSlug]/assignments/[assignmentSlug]": [
    { access: "course", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/assignments/${o.codeAssignment}` }) },
  ],
  "/courses/[courseSlug]/[termSlug]/assignments/[assignmentSlug]/leaderboard": [
    { access: "course", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/assignments/lnnet-capacity/leaderboard` }) },
  ],
  "/courses/[courseSlug]/[termSlug]/staff": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/staff` }) }],
  "/courses/[courseSlug]/[termSlug]/staff/gradebook": [
    { access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/staff/gradebook` }) },
  ],
  "/courses/[courseSlug]/[termSlug]/staff/gradebook/[userId]": [
    { access: "staff", method: "GET", objectScoped: true, build: (o, w) => ({ path: `/courses/${o.course}/${o.term}/staff/gradebook/${o.student[w]}` }) },
  ],
  "/courses/[courseSlug]/[termSlug]/staff/analytics": [
    { access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/staff/analytics` }) },
  ],
  "/courses/[courseSlug]/[termSlug]/staff/assignments/[assignmentSlug]": [
    { access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/staff/assignments/${o.codeAssignment}` }) },
  ],
  "/courses/[courseSlug]/[termSlug]/staff/extensions": [
    { access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/staff/extensions` }) },
  ],
  "/courses/[courseSlug]/[termSlug]/staff/roster": [
    { access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/staff/roster` }) },
  ],
  "/courses/[courseSlug]/[termSlug]/staff/similarity": [
    { access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/staff/similarity` }) },
  ],
  "/courses/[courseSlug]/[termSlug]/staff/grading": [
    { access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/staff/grading` }) },
  ],
  "/courses/[courseSlug]/[termSlug]/staff/grading/[assignmentSlug]/[questionKey]": [
    { access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/staff/grading/${o.proofAssignment}/${o.proofQuestion}` }) },
  ],
  "/courses/[courseSlug]/[termSlug]/staff/grading/[assignmentSlug]/[questionKey]/[submissionId]": [
    {
      access: "staff",
      method: "GET",
      objectScoped: true,
      build: (o, w) => ({ path: `/courses/${o.course}/${o.term}/staff/grading/${o.proofAssignment}/${o.proofQuestion}/${o.proofSubmission[w]}` }),
    },
  ],
  "/api/submit": [
    api("course", "POST", (o) => ({
      path: "/api/submit",
      body: { course: `${o.course}/${o.term}`, assignment: o.codeAssignment, question: o.codeQuestion, kind: "RUN", code: "export const x = 1;" },
    })),
  ],
  "/api/drafts": [
    api("course", "PUT", (o) => ({
      path: "/api/drafts",
      body: { course: `${o.course}/${o.term}`, assignment: o.codeAssignment, question: o.codeQuestion, content: "// draft" },
    })),
  ],
  "/api/leaderboard": [api("students", "PUT", (o) => ({ path: "/api/leaderboard", body: { course: `${o.course}/${o.term}`, optIn: false } }))],
  "/api/submissions/[submissionId]": [api("author-or-staff", "GET", (o, w) => ({ path: `/api/submissions/${o.submission[w]}` }), true)],
  "/api/submissions/[submissionId]/events": [api("author-or-staff", "GET", (o, w) => ({ path: `/api/submissions/${o.submission[w]}/events` }), true)],
  "/api/courses/[courseSlug]/[termSlug]/staff/export": [api("staff", "GET", (o) => ({ path: `/api/courses/${o.course}/${o.term}/staff/export?format=long` }))],
  "/api/courses/[courseSlug]/[termSlug]/staff/check": [
    api("staff", "POST", (o) => ({ path: `/api/courses/${o.course}/${o.term}/staff/check`, body: { assignment: o.codeAssignment } })),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/extensions": [
    api(
      "staff",
      "POST",
      (o, w) => ({
        path: `/api/courses/${o.course}/${o.term}/staff/extensions`,
        body: { assignment: o.codeAssignment, userId: o.student[w], dueAt: "2027-01-31T23:59:00Z", reason: "matrix test" },
      }),
      true,
    ),
    api("staff", "DELETE", (o) => ({ path: `/api/courses/${o.course}/${o.term}/staff/extensions`, body: { extensionId: "no-such-extension" } })),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/term-copy": [
    api("instructors", "POST", (o) => ({ path: `/api/courses/${o.course}/${o.term}/staff/term-copy`, body: { to: "not a term slug", shiftDays: 1 } })),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/dates": [
    api("instructors", "POST", (o) => ({
      path: `/api/courses/${o.course}/${o.term}/staff/dates`,
      body: { assignment: "no-such-assignment", releaseAt: "2026-11-01T00:00:00Z", dueAt: "2026-12-01T00:00:00Z", lateUntil: null },
    })),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/retry": [api("staff", "POST", (o) => ({ path: `/api/courses/${o.course}/${o.term}/staff/retry`, body: {} }))],
  "/api/courses/[courseSlug]/[termSlug]/staff/regrade": [
    api("staff", "POST", (o) => ({
      path: `/api/courses/${o.course}/${o.term}/staff/regrade`,
      body: { assignment: o.codeAssignment, question: o.codeQuestion },
    })),
    api("staff", "GET", (o) => ({ path: `/api/courses/${o.course}/${o.term}/staff/regrade?batch=no-such-batch` })),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/roster": [
    api("staff", "POST", (o) => ({
      path: `/api/courses/${o.course}/${o.term}/staff/roster`,
      body: { csv: "email,name,student id,section,role\nnew-person@x.test,New Person,S9,A,student\n", commit: false },
    })),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/people": [
    api(
      "staff",
      "POST",
      (o, w) => ({ path: `/api/courses/${o.course}/${o.term}/staff/people`, body: { action: "section", userIds: [o.student[w]], section: "A" } }),
      true,
    ),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/grading": [
    api(
      "staff",
      "POST",
      (o, w) => ({
        path: `/api/courses/${o.course}/${o.term}/staff/grading`,
        body: { submissionId: o.proofSubmission[w], itemIds: [], comment: "", adjustment: 0, revision: 0 },
      }),
      true,
    ),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/overrides": [
    api(
      "staff",
      "POST",
      (o, w) => ({
        path: `/api/courses/${o.course}/${o.term}/staff/overrides`,
        body: { assignment: o.codeAssignment, question: o.codeQuestion, userId: o.student[w], score: null, reason: "matrix test" },
      }),
      true,
    ),
  ],
  // LTI 1.3 (lib/lti): the endpoints the LMS calls are public and validate their input with zod and
  // their own credentials (state, signatures); tests/e2e/lti.test.ts covers their refusals.
  "/lti/jwks": [{ access: "public", method: "GET", build: () => ({ path: "/lti/jwks" }) }],
  "/lti/login": [
    api("anyone", "GET", () => ({ path: "/lti/login?iss=https%3A%2F%2Flms.example&login_hint=x&target_link_uri=https%3A%2F%2Fx.example" })),
    api("anyone", "POST", () => ({ path: "/lti/login", body: { iss: "not a url" } })),
  ],
  "/lti/launch": [api("anyone", "POST", () => ({ path: "/lti/launch", body: { id_token: "x" } }))],
  "/lti/link": [{ access: "signed-in", method: "GET", build: () => ({ path: "/lti/link?ticket=not-a-ticket" }) }],
  "/lti/link/confirm": [api("signed-in-input", "POST", (o) => ({ path: "/lti/link/confirm", body: { ticket: "not-a-ticket", course: o.course } }))],
  "/lti/deep-link": [{ access: "signed-in", method: "GET", build: () => ({ path: "/lti/deep-link?ticket=not-a-ticket" }) }],
  "/lti/deep-link-return": [api("signed-in-input", "POST", () => ({ path: "/lti/deep-link-return", body: { ticket: "not-a-ticket" } }))],
  "/admin/lti": [{ access: "admin", method: "GET", build: () => ({ path: "/admin/lti" }) }],
  "/api/admin/lti": [api("admin", "POST", () => ({ path: "/api/admin/lti", body: { action: "rotate-key" } }))],
  "/courses/[courseSlug]/[termSlug]/staff/lti": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/staff/lti` }) }],
  "/api/courses/[courseSlug]/[termSlug]/staff/lti": [
    api("staff", "POST", (o) => ({ path: `/api/courses/${o.course}/${o.term}/staff/lti`, body: { action: "retry", scoreId: "no-such-score" } })),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/rubric": [
    api(
      "staff",
      "POST",
      (o, w) => ({ path: `/api/courses/${o.course}/${o.term}/staff/rubric`, body: { rubricItemId: o.rubricItem[w], points: 1, description: "matrix test" } }),
      true,
    ),
  ],
  "/courses/[courseSlug]/[termSlug]/staff/regrade-requests": [
    { access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/${o.term}/staff/regrade-requests` }) },
  ],
  "/api/regrade-requests": [
    api(
      "author",
      "POST",
      (o, w) => ({
        path: "/api/regrade-requests",
        body: { course: `${o.course}/${o.term}`, submissionId: o.submission[w], text: "matrix test: please look again" },
      }),
      true,
    ),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/regrade-requests": [
    api("staff", "POST", (o) => ({
      path: `/api/courses/${o.course}/${o.term}/staff/regrade-requests`,
      body: { requestId: "no-such-request", action: "reply", text: "matrix test" },
    })),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/release": [
    api("staff", "POST", (o) => ({ path: `/api/courses/${o.course}/${o.term}/staff/release`, body: { assignment: o.codeAssignment, published: false } })),
  ],
  "/api/courses/[courseSlug]/[termSlug]/staff/accommodations": [
    api(
      "staff",
      "POST",
      (o, w) => ({
        path: `/api/courses/${o.course}/${o.term}/staff/accommodations`,
        body: { userId: o.student[w], accommodationDays: 0, extraLateDays: 0, reason: "matrix test" },
      }),
      true,
    ),
  ],
};

const PAGE_DENY = { anonymous: "signin" } as const;

/** The expected outcome of a route for a persona and object, from its access level. */
export function expected(spec: RouteSpec, isPage: boolean, persona: Persona, which: Which): Outcome {
  if (spec.access === "anyone") return "allowed";
  if (persona === "anonymous") return spec.access === "public" ? 200 : isPage ? PAGE_DENY.anonymous : 401;
  if (spec.access === "signed-in-input") return "allowed";
  // A student of last term is an outsider to this term, exactly like someone of another course.
  const outsider = persona === "studentOther" || persona === "taOther" || persona === "studentLastTerm";
  if (spec.access === "admin") return persona === "admin" ? (isPage ? 200 : "allowed") : 404;
  if (spec.access === "legacy") return persona === "studentOther" || persona === "taOther" ? 404 : "redirect";
  if (persona === "admin") {
    // Passes the guard everywhere as an instructor; another course's object still is not this term's.
    if (spec.access === "students") return 403;
    if ((spec.access === "staff" || spec.access === "instructors") && spec.objectScoped && which === "other") return 404;
    if (spec.access === "author-or-staff") return 200;
    return spec.access === "public" || spec.access === "signed-in" || isPage ? 200 : "allowed";
  }
  switch (spec.access) {
    case "public":
    case "signed-in":
      return 200;
    case "course":
      return outsider ? 404 : isPage ? 200 : "allowed";
    case "students":
      return outsider ? 404 : persona === "student" ? "allowed" : 403;
    case "staff":
      if (outsider) return 404;
      if (persona === "student") return 403;
      // Staff of this course asking for another course's object must not get it.
      if (spec.objectScoped && which === "other") return 404;
      return isPage ? 200 : "allowed";
    case "instructors":
      if (outsider) return 404;
      return persona === "instructor" ? "allowed" : 403;
    case "author-or-staff":
      if (outsider) return 404;
      if (persona === "student" && which === "other") return 404;
      return 200;
    // Only the student whose object it is (a regrade request about their own submission): anyone
    // else, staff included, gets the 404 of an object that does not exist.
    case "author":
      return persona === "student" && which === "own" ? "allowed" : 404;
  }
}

/**
 * Outside app/ and the site's port: the embedded site's loopback admin endpoint (lib/embedded/
 * admin-server.ts), reached only with the token from DATA_DIR/owner.lock. No persona's session
 * opens it; tests/security/admin-endpoint.test.ts requests it as each of them.
 */
export const ADMIN_ROUTES: { method: "GET" | "POST"; path: string; body?: unknown }[] = [
  { method: "GET", path: "/health" },
  { method: "POST", path: "/users", body: { email: "matrix@x.test", name: "Matrix", role: "student", password: "matrix-password-1", courseSlug: "ml-theory" } },
];
