// Roster pull from the LMS (NRPS 2.0): the context's members become the rows of a roster CSV and go
// through the CSV import's own preview and all-or-nothing import (lib/courses/roster-import.ts),
// so the same checks and the same report apply. Then each member's LMS id is linked to their user,
// so their scores can be sent back before their first launch.
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { ROSTER_COLUMNS, importRoster, previewRoster } from "@/lib/courses/roster-import";
import { HttpError } from "@/lib/http/http-error";
import { SCOPE } from "@/lib/lti/claims";
import { courseRoleOf } from "@/lib/lti/roles";
import { serviceFetch } from "@/lib/lti/service-client";

const memberSchema = z.object({
  user_id: z.string().min(1),
  email: z.string().optional(),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  roles: z.array(z.string()),
  status: z.string().optional(),
});
const containerSchema = z.object({ members: z.array(memberSchema) });
type Member = z.infer<typeof memberSchema>;

const ROLE_WORD: Record<Role, string> = { STUDENT: "student", TA: "ta", INSTRUCTOR: "instructor" };
const MAX_PAGES = 50;

async function fetchMembers(db: PrismaClient, contextId: string, termId: string) {
  const context = await db.ltiContext.findFirst({ where: { id: contextId, termId }, include: { platform: true } });
  if (!context) throw new HttpError(404, "No such LMS course linked to this course.");
  if (!context.membershipsUrl)
    throw new HttpError(409, "The LMS has not offered its roster (Names and Role Provisioning) for this course; ask its admin to enable it for the tool.");
  const members: Member[] = [];
  let url: string | null = context.membershipsUrl;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    let res: Response;
    try {
      res = await serviceFetch(db, context.platform, [SCOPE.nrps], url, { accept: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json" });
    } catch (error) {
      throw new HttpError(503, `The LMS could not be reached for the roster (${error instanceof Error ? error.message : String(error)}). Try again later.`);
    }
    if (!res.ok) throw new HttpError(503, `The LMS answered ${res.status} when asked for the roster. Try again later.`);
    members.push(...containerSchema.parse(await res.json()).members);
    url = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get("link") ?? "")?.[1] ?? null;
  }
  return { context, members };
}

export type RosterSyncPreview = Awaited<ReturnType<typeof previewRoster>> & { skipped: { name: string; reason: string }[] };

async function asCsv(db: PrismaClient, contextId: string, termId: string) {
  const { context, members } = await fetchMembers(db, contextId, termId);
  const rows: string[][] = [];
  const skipped: { name: string; reason: string }[] = [];
  const linked: { sub: string; email: string }[] = [];
  for (const m of members) {
    const name = m.name ?? ([m.given_name, m.family_name].filter(Boolean).join(" ") || m.user_id);
    const role = courseRoleOf(m.roles);
    if (m.status && m.status !== "Active") skipped.push({ name, reason: `status ${m.status}` });
    else if (!m.email) skipped.push({ name, reason: "the LMS shares no email for this person" });
    else if (!role) skipped.push({ name, reason: "no learner, TA or instructor role" });
    else {
      rows.push([m.email, name, "", "", ROLE_WORD[role]]);
      linked.push({ sub: m.user_id, email: m.email.toLowerCase() });
    }
  }
  if (!rows.length) throw new HttpError(422, "The LMS roster has no one with an email and a learner, TA or instructor role.");
  return { context, csv: stringify([[...ROSTER_COLUMNS], ...rows]), skipped, linked };
}

export async function previewRosterSync(db: PrismaClient, contextId: string, termId: string, actorRole: Role): Promise<RosterSyncPreview> {
  const { csv, skipped } = await asCsv(db, contextId, termId);
  return { ...(await previewRoster(db, termId, csv, actorRole)), skipped };
}

export async function applyRosterSync(db: PrismaClient, contextId: string, termId: string, actor: { id: string; role: Role }) {
  const { context, csv, skipped, linked } = await asCsv(db, contextId, termId);
  const result = await importRoster(db, termId, csv, actor);
  const users = await db.user.findMany({ where: { email: { in: linked.map((l) => l.email) } }, select: { id: true, email: true } });
  const idOf = new Map(users.map((u) => [u.email, u.id]));
  for (const l of linked) {
    const userId = idOf.get(l.email);
    if (userId)
      await db.ltiAccount.upsert({
        where: { platformId_sub: { platformId: context.platformId, sub: l.sub } },
        create: { platformId: context.platformId, sub: l.sub, userId },
        update: {},
      });
  }
  return { ...result, skipped };
}
