// The authorization matrix's route table: every page and route handler of app/, with who may use
// it. tests/security/authz-matrix.test.ts walks app/ and fails for any route missing here, then
// requests every route as every persona on their own and on another user's object.
export type Persona = "anonymous" | "student" | "studentOther" | "ta" | "instructor" | "taOther";
export const PERSONAS: Persona[] = ["anonymous", "student", "studentOther", "ta", "instructor", "taOther"];

/** What a request may expect: an exact status, a redirect to sign-in, or "allowed" (the guard let
 * it through: not 401/403 and not the guard's 404 "No such course."; validation or a missing
 * object may still answer 400/404/409/422). */
export type Outcome = 200 | 401 | 403 | 404 | "signin" | "allowed";

export type Objects = {
  course: string;
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
 *  "admin": site administrators only (none of the personas is one). */
export type Access = "public" | "anyone" | "signed-in" | "course" | "students" | "staff" | "author-or-staff" | "signed-in-input" | "admin";

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
  "/courses/[courseSlug]": [{ access: "course", method: "GET", build: (o) => ({ path: `/courses/${o.course}` }) }],
  "/courses/[courseSlug]/roster": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/roster` }) }],
  "/courses/[courseSlug]/assignments/[assignmentSlug]": [
    { access: "course", method: "GET", build: (o) => ({ path: `/courses/${o.course}/assignments/${o.codeAssignment}` }) },
  ],
  "/courses/[courseSlug]/assignments/[assignmentSlug]/leaderboard": [
    { access: "course", method: "GET", build: (o) => ({ path: `/courses/${o.course}/assignments/lnnet-capacity/leaderboard` }) },
  ],
  "/courses/[courseSlug]/staff": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/staff` }) }],
  "/courses/[courseSlug]/staff/gradebook": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/staff/gradebook` }) }],
  "/courses/[courseSlug]/staff/gradebook/[userId]": [
    { access: "staff", method: "GET", objectScoped: true, build: (o, w) => ({ path: `/courses/${o.course}/staff/gradebook/${o.student[w]}` }) },
  ],
  "/courses/[courseSlug]/staff/analytics": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/staff/analytics` }) }],
  "/courses/[courseSlug]/staff/assignments/[assignmentSlug]": [
    { access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/staff/assignments/${o.codeAssignment}` }) },
  ],
  "/courses/[courseSlug]/staff/extensions": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/staff/extensions` }) }],
  "/courses/[courseSlug]/staff/roster": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/staff/roster` }) }],
  "/courses/[courseSlug]/staff/similarity": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/staff/similarity` }) }],
  "/courses/[courseSlug]/staff/grading": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/staff/grading` }) }],
  "/courses/[courseSlug]/staff/grading/[assignmentSlug]/[questionKey]": [
    { access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/staff/grading/${o.proofAssignment}/${o.proofQuestion}` }) },
  ],
  "/courses/[courseSlug]/staff/grading/[assignmentSlug]/[questionKey]/[submissionId]": [
    {
      access: "staff",
      method: "GET",
      objectScoped: true,
      build: (o, w) => ({ path: `/courses/${o.course}/staff/grading/${o.proofAssignment}/${o.proofQuestion}/${o.proofSubmission[w]}` }),
    },
  ],
  "/api/submit": [
    api("course", "POST", (o) => ({
      path: "/api/submit",
      body: { course: o.course, assignment: o.codeAssignment, question: o.codeQuestion, kind: "RUN", code: "export const x = 1;" },
    })),
  ],
  "/api/drafts": [
    api("course", "PUT", (o) => ({
      path: "/api/drafts",
      body: { course: o.course, assignment: o.codeAssignment, question: o.codeQuestion, content: "// draft" },
    })),
  ],
  "/api/leaderboard": [api("students", "PUT", (o) => ({ path: "/api/leaderboard", body: { course: o.course, optIn: false } }))],
  "/api/submissions/[submissionId]": [api("author-or-staff", "GET", (o, w) => ({ path: `/api/submissions/${o.submission[w]}` }), true)],
  "/api/submissions/[submissionId]/events": [api("author-or-staff", "GET", (o, w) => ({ path: `/api/submissions/${o.submission[w]}/events` }), true)],
  "/api/courses/[courseSlug]/staff/export": [api("staff", "GET", (o) => ({ path: `/api/courses/${o.course}/staff/export?format=long` }))],
  "/api/courses/[courseSlug]/staff/check": [
    api("staff", "POST", (o) => ({ path: `/api/courses/${o.course}/staff/check`, body: { assignment: o.codeAssignment } })),
  ],
  "/api/courses/[courseSlug]/staff/extensions": [
    api(
      "staff",
      "POST",
      (o, w) => ({
        path: `/api/courses/${o.course}/staff/extensions`,
        body: { assignment: o.codeAssignment, userId: o.student[w], dueAt: "2027-01-31T23:59:00Z", reason: "matrix test" },
      }),
      true,
    ),
    api("staff", "DELETE", (o) => ({ path: `/api/courses/${o.course}/staff/extensions`, body: { extensionId: "no-such-extension" } })),
  ],
  "/api/courses/[courseSlug]/staff/retry": [api("staff", "POST", (o) => ({ path: `/api/courses/${o.course}/staff/retry`, body: {} }))],
  "/api/courses/[courseSlug]/staff/regrade": [
    api("staff", "POST", (o) => ({ path: `/api/courses/${o.course}/staff/regrade`, body: { assignment: o.codeAssignment, question: o.codeQuestion } })),
    api("staff", "GET", (o) => ({ path: `/api/courses/${o.course}/staff/regrade?batch=no-such-batch` })),
  ],
  "/api/courses/[courseSlug]/staff/roster": [
    api("staff", "POST", (o) => ({
      path: `/api/courses/${o.course}/staff/roster`,
      body: { csv: "email,name,student id,section,role\nnew-person@x.test,New Person,S9,A,student\n", commit: false },
    })),
  ],
  "/api/courses/[courseSlug]/staff/people": [
    api(
      "staff",
      "POST",
      (o, w) => ({ path: `/api/courses/${o.course}/staff/people`, body: { action: "section", userIds: [o.student[w]], section: "A" } }),
      true,
    ),
  ],
  "/api/courses/[courseSlug]/staff/grading": [
    api(
      "staff",
      "POST",
      (o, w) => ({
        path: `/api/courses/${o.course}/staff/grading`,
        body: { submissionId: o.proofSubmission[w], itemIds: [], comment: "", adjustment: 0, revision: 0 },
      }),
      true,
    ),
  ],
  "/api/courses/[courseSlug]/staff/overrides": [
    api(
      "staff",
      "POST",
      (o, w) => ({
        path: `/api/courses/${o.course}/staff/overrides`,
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
  "/courses/[courseSlug]/staff/lti": [{ access: "staff", method: "GET", build: (o) => ({ path: `/courses/${o.course}/staff/lti` }) }],
  "/api/courses/[courseSlug]/staff/lti": [
    api("staff", "POST", (o) => ({ path: `/api/courses/${o.course}/staff/lti`, body: { action: "retry", scoreId: "no-such-score" } })),
  ],
  "/api/courses/[courseSlug]/staff/rubric": [
    api(
      "staff",
      "POST",
      (o, w) => ({ path: `/api/courses/${o.course}/staff/rubric`, body: { rubricItemId: o.rubricItem[w], points: 1, description: "matrix test" } }),
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
  if (spec.access === "admin") return 403;
  const outsider = persona === "studentOther" || persona === "taOther";
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
    case "author-or-staff":
      if (outsider) return 404;
      if (persona === "student" && which === "other") return 404;
      return 200;
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
