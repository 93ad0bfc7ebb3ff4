// The one shape of a staff route handler under /api/courses/[courseSlug]/[termSlug]/staff: route params
// validated, the access guard (staff of this term of the course), then the query and the capped JSON body
// validated with zod, in that order (an outsider learns nothing from a bad body). What the handler
// returns is sent as JSON, unless it is already a Response (a CSV download).
import "server-only";
import { z } from "zod";
import { STAFF, authorizeTerm, type CourseAccess } from "@/lib/access";
import { getDb, type PrismaClient } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { handler as jsonHandler } from "@/lib/http/responses";
import { readJsonBody } from "@/lib/http/body";
import { withLocalizedErrors } from "@/lib/http/staff-messages";

// Refusals in the reader's language: staff pages show the server's message as it comes.
const handler: typeof jsonHandler = (fn) => withLocalizedErrors(jsonHandler(fn));

const courseParams = z.object({ courseSlug: z.string().min(1).max(100), termSlug: z.string().min(1).max(100) });

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** A body schema always comes with its size cap: the body is read no further than `maxBytes`. */
type BodyOption<B extends Schema> = B extends z.ZodType ? { body: B; maxBytes: number } : { body?: undefined; maxBytes?: undefined };

export type StaffRouteOptions<B extends Schema, Q extends Schema> = BodyOption<B> & {
  /** Who may call it; course staff (TA, instructor) unless said otherwise. */
  roles?: Role[];
  /** The URL's search parameters, as an object of strings. */
  query?: Q;
};

export type StaffRouteContext<B extends Schema, Q extends Schema> = CourseAccess & {
  req: Request;
  db: PrismaClient;
  body: Parsed<B>;
  query: Parsed<Q>;
};

type RouteArgs = { params: Promise<{ courseSlug: string; termSlug: string }> };

export function staffRoute<B extends Schema = undefined, Q extends Schema = undefined>(
  options: StaffRouteOptions<B, Q>,
  fn: (ctx: StaffRouteContext<B, Q>) => Promise<Response | object>,
): (req: Request, args: RouteArgs) => Promise<Response> {
  return handler(async (req: Request, { params }: RouteArgs) => {
    const { courseSlug, termSlug } = courseParams.parse(await params);
    const access = await authorizeTerm(courseSlug, termSlug, options.roles ?? STAFF);
    const query = (options.query ? options.query.parse(Object.fromEntries(new URL(req.url).searchParams)) : undefined) as Parsed<Q>;
    const body = (options.body ? options.body.parse(await readJsonBody(req, options.maxBytes!)) : undefined) as Parsed<B>;
    const result = await fn({ ...access, req, db: await getDb(), body, query });
    return result instanceof Response ? result : Response.json(result);
  });
}
