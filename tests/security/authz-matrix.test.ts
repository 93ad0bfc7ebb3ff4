// The authorization matrix: every page and route handler (found by walking app/) × every persona
// × own/other object, against the built site and a real PostgreSQL. A route without an entry in
// route-table.ts fails the first test, so nothing new ships unguarded.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { hashPassword } from "@/lib/auth/passwords";
import { loadAllAssignments } from "@/lib/assignments/load";
import { syncAssignments } from "@/lib/assignments/sync";
import { questionPoints } from "@/lib/assignments/points";
import { submit } from "@/lib/submissions/submit";
import { ensureCourse } from "@/lib/courses/ensure-course";
import { currentTerm } from "@/lib/courses/current-term";
import { DEMO_PASSWORD, startApp, type AppServer } from "../e2e/lib/app-server";
import { Session } from "../e2e/lib/session";
import { PERSONAS, ROUTES, expected, type Objects, type Outcome, type Persona, type RouteSpec } from "./route-table";

function appRoutes(dir = "app", prefix = ""): { pattern: string; isPage: boolean; methods: string[] }[] {
  const out: { pattern: string; isPage: boolean; methods: string[] }[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      const seg = /^\(.*\)$/.test(name) ? "" : `/${name}`; // route groups add no segment
      out.push(...appRoutes(full, prefix + seg));
    } else if (name === "page.tsx") {
      out.push({ pattern: prefix || "/", isPage: true, methods: ["GET"] });
    } else if (name === "route.ts") {
      const src = readFileSync(full, "utf8");
      const methods = [...src.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b|as\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map(
        (m) => m[1] ?? m[2]!,
      );
      out.push({ pattern: prefix, isPage: false, methods: [...new Set(methods)] });
    }
  }
  return out;
}

let app: AppServer;
let adminId: string;
let objects: Objects;
const sessions = new Map<Persona, Session>();
const EMAIL: Record<Exclude<Persona, "anonymous">, string> = {
  student: "student1@demo.test",
  studentOther: "outsider-student@other.test",
  ta: "ta@demo.test",
  instructor: "instructor@demo.test",
  taOther: "outsider-ta@other.test",
  studentLastTerm: "last-term-student@demo.test",
  admin: "site-admin@demo.test",
};

/** The status, or "signin" for a redirect there, or "object-404" for an API 404 about an object
 * (the guard's own 404 says "No such course."). */
async function outcomeOf(res: Response): Promise<Outcome | number | "object-404"> {
  if (res.status >= 300 && res.status < 400) return (res.headers.get("location") ?? "").includes("/signin") ? "signin" : res.status;
  if (res.status === 404 && (res.headers.get("content-type") ?? "").includes("application/json")) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    return body.error === "No such course." ? 404 : "object-404";
  }
  return res.status;
}

function matches(actual: Outcome | number | "object-404", want: Outcome): boolean {
  if (want === "redirect") return typeof actual === "number" && actual >= 300 && actual < 400;
  if (want === "allowed") return actual === "object-404" || (typeof actual === "number" && actual < 500 && ![401, 403, 404].includes(actual));
  // Denying an object of another course may come from the guard or from the object lookup.
  if (want === 404) return actual === 404 || actual === "object-404";
  return actual === want;
}

beforeAll(async () => {
  app = await startApp({ EMBEDDED_WORKER: "0" });
  process.env.DATABASE_URL = app.databaseUrl;
  resetEnvCache();
  const db = await getDb();
  // A second course with its own student and TA, and its own copy of two assignments.
  const other = (await ensureCourse(db, "other-course", { title: "Other course" })).firstTerm!;
  const course = await db.course.findUniqueOrThrow({ where: { slug: "ml-theory" } });
  const current = (await currentTerm(db, course.id))!;
  // The demo course's previous term, ended before this one began, with a student of its own.
  const lastTerm = await db.term.create({
    data: {
      courseId: course.id,
      slug: "2026-spring",
      title: "Spring 2026",
      startsAt: new Date("2026-02-20T00:00:00Z"),
      endsAt: new Date("2026-07-10T00:00:00Z"),
    },
  });
  const hash = await hashPassword(DEMO_PASSWORD);
  const mk = async (email: string, role: "STUDENT" | "TA", termId: string) => {
    const u = await db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash: hash } });
    await db.enrollment.create({ data: { userId: u.id, termId, role } });
    return u;
  };
  const outsider = await mk(EMAIL.studentOther, "STUDENT", other.id);
  await mk(EMAIL.taOther, "TA", other.id);
  await mk(EMAIL.studentLastTerm, "STUDENT", lastTerm.id);
  adminId = (await db.user.create({ data: { email: EMAIL.admin, name: "Site admin", passwordHash: hash, isAdmin: true } })).id;
  const results = (await loadAllAssignments("assignments")).filter((r) => ["layernorm", "xor-ln-net"].includes(r.slug));
  await syncAssignments(db, other.id, results, questionPoints);
  const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
  const [s1, s2] = [await user("student1@demo.test"), await user("student2@demo.test")];
  const now = new Date("2026-12-01T00:00:00Z");
  const sub = (userId: string, termId: string, assignmentSlug: string, questionKey: string, extra: object) =>
    submit(db, {
      userId,
      termId,
      assignmentSlug,
      questionKey,
      kind: "SUBMIT",
      isStaff: false,
      embedded: false,
      now,
      clientToken: `matrix-${userId}-${assignmentSlug}-${termId}`,
      ...extra,
    });
  const code = { code: "export function layerNorm(x: number[]) { return x; }" };
  const proof = { answer: { text: "By contradiction: add the inequalities." } };
  const proofKey = "xor-proof";
  const rubric = async (termId: string) =>
    (await db.rubricItem.findFirstOrThrow({ where: { assignment: { termId, slug: "xor-ln-net" }, questionKey: proofKey } })).id;
  objects = {
    course: "ml-theory",
    term: current.slug,
    codeAssignment: "layernorm",
    codeQuestion: "norms",
    proofAssignment: "xor-ln-net",
    proofQuestion: proofKey,
    submission: {
      own: (await sub(s1.id, current.id, "layernorm", "norms", code)).submissionId,
      other: (await sub(s2.id, current.id, "layernorm", "norms", code)).submissionId,
    },
    proofSubmission: {
      own: (await sub(s1.id, current.id, "xor-ln-net", proofKey, proof)).submissionId,
      other: (await sub(outsider.id, other.id, "xor-ln-net", proofKey, proof)).submissionId,
    },
    student: { own: s1.id, other: outsider.id },
    rubricItem: { own: await rubric(current.id), other: await rubric(other.id) },
  };
  sessions.set("anonymous", new Session(app.baseUrl));
  for (const [persona, email] of Object.entries(EMAIL) as [Exclude<Persona, "anonymous">, string][]) {
    const session = new Session(app.baseUrl);
    if (!(await session.signIn(email, DEMO_PASSWORD))) throw new Error(`sign-in failed for ${email}`);
    sessions.set(persona, session);
  }
}, 180_000);

afterAll(async () => {
  await closeDb();
  await app?.stop();
});

describe("authorization matrix", () => {
  const discovered = appRoutes();

  it("has an entry, with every method, for each page and route handler in app/", () => {
    const missing = discovered.filter((r) => !ROUTES[r.pattern]).map((r) => r.pattern);
    expect(missing, "add these routes to tests/security/route-table.ts").toEqual([]);
    for (const r of discovered) {
      const listed = new Set((ROUTES[r.pattern] ?? []).map((s) => s.method));
      for (const m of r.methods) expect(listed.has(m as RouteSpec["method"]), `${m} ${r.pattern} is not in the route table`).toBe(true);
    }
    const extra = Object.keys(ROUTES).filter((p) => !discovered.some((r) => r.pattern === p));
    expect(extra, "route-table.ts lists routes that no longer exist").toEqual([]);
    const actions = readdirSync("app", { recursive: true })
      .map(String)
      .filter((f) => /\.(ts|tsx)$/.test(f) && readFileSync(path.join("app", f), "utf8").includes('"use server"'));
    expect(actions, "server actions need a matrix entry of their own; this project uses route handlers").toEqual([]);
  });

  it("answers every route × persona × object as the table says", async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const r of discovered) {
      for (const spec of ROUTES[r.pattern] ?? []) {
        if (spec.skip) continue;
        for (const which of spec.objectScoped ? (["own", "other"] as const) : (["own"] as const)) {
          for (const persona of PERSONAS) {
            const req = spec.build(objects, which);
            const session = sessions.get(persona)!;
            const init = { method: spec.method, signal: AbortSignal.timeout(20_000) };
            const res = req.body === undefined ? await session.fetch(req.path, init) : await session.json(spec.method, req.path, req.body);
            const actual = await outcomeOf(res);
            if (spec.method === "GET" && req.path.endsWith("/events")) await res.body?.cancel().catch(() => {});
            const want = expected(spec, r.isPage, persona, which);
            cells++;
            if (!matches(actual, want)) failures.push(`${spec.method} ${req.path} as ${persona} (${which}): expected ${want}, got ${actual}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThan(100);
  }, 600_000); // eight personas × every route, one request at a time

  it("writes every visit of the site admin to a course they are not enrolled in to the audit log", async () => {
    const db = await getDb();
    const visits = await db.auditLog.findMany({ where: { action: "admin.access", actorId: adminId }, include: { term: { include: { course: true } } } });
    const where = new Set(visits.map((v) => `${v.term!.course.slug}/${v.term!.slug}`));
    expect([...where]).toContain(`ml-theory/${objects.term}`);
    // At least one entry per guarded request the admin made (pages, APIs and redirects).
    expect(visits.length).toBeGreaterThan(20);
  });
});
