// Every staff page and route handler asks the one guard for TA or INSTRUCTOR of that course:
// a student gets 403, staff of another course 404, staff of the course get through. The session
// is the only thing faked (next-auth's getServerSession); pages and handlers are the real modules,
// found on disk so that a new page without the guard fails this test.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/lib/db";
import { useFreshDatabase } from "./lib/test-db";
import { seedStaffCourse, type StaffCourse } from "./lib/staff-fixture";
import { createCourseWithTerm } from "./lib/course-fixture";

const session = vi.hoisted(() => {
  // next.config.ts turns on experimental.authInterrupts (forbidden()); Next passes it to the server as this variable.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  return { userId: null as string | null };
});
vi.mock("next-auth", async (orig) => ({ ...(await orig<object>()), getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
// Pages read their words through next-intl's request config, which only Next's server provides:
// they get the English messages, as a request with no language choice does.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/messages/en.json")).default;
  return {
    getLocale: async () => "en",
    getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
  };
});

let ctx: StaffCourse;
const people: Record<"student" | "taA" | "taB" | "instructorA", string> = { student: "", taA: "", taB: "", instructorA: "" };

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), name) : e.name === name ? [path.join(dir, e.name)] : [],
  );
}
const PAGES = files("app/courses/[courseSlug]/[termSlug]/staff", "page.tsx");
const ROUTES = files("app/api/courses/[courseSlug]/[termSlug]/staff", "route.ts");

beforeAll(async () => {
  await useFreshDatabase();
  ctx = await seedStaffCourse();
  const { term: b } = await createCourseWithTerm(ctx.db, "course-b", "B");
  people.student = ctx.students[0]!.id;
  people.taA = ctx.ta.id;
  const taB = await ctx.db.user.create({ data: { email: "tab@x.test", name: "TA B" } });
  await ctx.db.enrollment.create({ data: { userId: taB.id, termId: b.id, role: "TA" } });
  people.taB = taB.id;
  const inst = await ctx.db.user.create({ data: { email: "inst@x.test", name: "Instructor A" } });
  await ctx.db.enrollment.create({ data: { userId: inst.id, termId: ctx.term.id, role: "INSTRUCTOR" } });
  people.instructorA = inst.id;
});
afterAll(closeDb);

function pageParams(): Record<string, string> {
  return {
    courseSlug: "ml-theory",
    termSlug: ctx.term.slug,
    assignmentSlug: "xor-ln-net",
    questionKey: "xor-proof",
    submissionId: ctx.proofId,
    userId: ctx.students[0]!.id,
  };
}

/** The HTTP status a page ends with: 200 when it renders, else the status of Next's interrupt. */
async function pageStatus(file: string, userId: string): Promise<number> {
  session.userId = userId;
  const mod = (await import(/* @vite-ignore */ path.resolve(file))) as { default: (p: unknown) => Promise<unknown> };
  try {
    await mod.default({ params: Promise.resolve(pageParams()), searchParams: Promise.resolve({}) });
    return 200;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    const m = /^NEXT_HTTP_ERROR_FALLBACK;(\d+)$/.exec(digest);
    if (m) return Number(m[1]);
    if (digest.startsWith("NEXT_REDIRECT")) return 307;
    throw error;
  }
}

const BODIES: Record<string, unknown> = {
  export: undefined,
  overrides: { assignment: "generalization-bounds", question: "vacuous", userId: "x", score: 1, reason: "because" },
  grading: { submissionId: "x", itemIds: [], comment: "", adjustment: 0, revision: 0 },
  rubric: { rubricItemId: "x", points: 1, description: "d" },
  extensions: { extensionId: "x" },
  roster: { csv: "a@b.c,A,,,student", commit: false },
  regrade: { assignment: "xor-ln-net", question: "construction" },
  check: { assignment: "no-such-assignment" },
  "term-copy": { to: "2027-spring", shiftDays: 182 },
  dates: { assignment: "xor-ln-net", releaseAt: "2026-11-01T00:00:00Z", dueAt: "2026-12-01T00:00:00Z", lateUntil: null },
};

async function routeStatuses(file: string, userId: string): Promise<Record<string, number>> {
  session.userId = userId;
  const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
  const name = path.basename(path.dirname(file));
  const out: Record<string, number> = {};
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
    const fn = mod[method];
    if (!fn) continue;
    const body = BODIES[name];
    const url = `http://localhost/api/courses/ml-theory/${ctx.term.slug}/staff/${name}?format=canvas&batch=x`;
    const req =
      method === "GET" ? new Request(url) : new Request(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
    out[method] = (await fn(req, { params: Promise.resolve({ courseSlug: "ml-theory", termSlug: ctx.term.slug }) })).status;
  }
  return out;
}

describe("staff pages and routes are for the course's staff only", () => {
  it("finds the pages and routes to check", () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(10);
    expect(ROUTES.length).toBeGreaterThanOrEqual(8);
  });

  it("a student gets 403 on every staff page", async () => {
    for (const file of PAGES) expect([file, await pageStatus(file, people.student)]).toEqual([file, 403]);
  });

  it("a TA of another course gets 404 on every staff page, as for a missing course", async () => {
    for (const file of PAGES) expect([file, await pageStatus(file, people.taB)]).toEqual([file, 404]);
  });

  it("the course's TA and instructor see every staff page", async () => {
    for (const file of PAGES) {
      expect([file, await pageStatus(file, people.taA)]).toEqual([file, 200]);
      expect([file, await pageStatus(file, people.instructorA)]).toEqual([file, 200]);
    }
  });

  it("a student gets 403 and another course's TA 404 from every staff route and action", async () => {
    for (const file of ROUTES) {
      for (const [method, status] of Object.entries(await routeStatuses(file, people.student))) expect([file, method, status]).toEqual([file, method, 403]);
      for (const [method, status] of Object.entries(await routeStatuses(file, people.taB))) expect([file, method, status]).toEqual([file, method, 404]);
    }
  });

  it("nothing changed for the refused requests", async () => {
    expect(await ctx.db.gradeOverride.count()).toBe(1);
    expect(await ctx.db.auditLog.count()).toBe(0);
    expect(await ctx.db.gradingJob.count()).toBe(0);
  });

  it("signed-out visitors get 401 from routes and are sent to sign in by pages", async () => {
    session.userId = null;
    expect(await pageStatus(PAGES[0]!, "")).toBe(307);
    const statuses = await routeStatuses(ROUTES[0]!, "");
    for (const s of Object.values(statuses)) expect(s).toBe(401);
  });
});
