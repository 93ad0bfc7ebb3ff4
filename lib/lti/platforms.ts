// Registered LMS platforms: who may launch this tool. An admin adds one on /admin/lti or with
// `npm run lti:platform -- add ...`; both go through registerPlatform and its zod schema.
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/http-error";

const httpUrl = (what: string) =>
  z
    .url(`${what} must be a URL, e.g. https://lms.uni.edu/...`)
    .max(2000)
    .refine((u) => /^https?:\/\//.test(u), `${what} must start with https:// (or http:// on a test machine)`);

export const platformSchema = z.object({
  name: z.string().trim().min(1, "name is empty").max(200),
  issuer: httpUrl("issuer"),
  clientId: z.string().trim().min(1, "client id is empty").max(255),
  deploymentIds: z.array(z.string().trim().min(1).max(255)).min(1, "give at least one deployment id").max(50),
  authUrl: httpUrl("OIDC auth URL"),
  tokenUrl: httpUrl("token URL"),
  jwksUrl: httpUrl("JWKS URL"),
});
export type PlatformInput = z.infer<typeof platformSchema>;

export const deploymentIdsSchema = z.array(z.string());

export function deploymentIdsOf(platform: { deploymentIds: unknown }): string[] {
  const parsed = deploymentIdsSchema.safeParse(platform.deploymentIds);
  return parsed.success ? parsed.data : [];
}

/** Adds a platform, or updates the one with the same issuer and client id. */
export async function registerPlatform(db: PrismaClient, input: PlatformInput) {
  const data = platformSchema.parse(input);
  return db.ltiPlatform.upsert({
    where: { issuer_clientId: { issuer: data.issuer, clientId: data.clientId } },
    create: data,
    update: data,
  });
}

export async function listPlatforms(db: PrismaClient) {
  const rows = await db.ltiPlatform.findMany({ orderBy: { createdAt: "asc" }, include: { _count: { select: { contexts: true } } } });
  return rows.map((p) => ({ ...p, deploymentIds: deploymentIdsOf(p) }));
}

export async function removePlatform(db: PrismaClient, id: string): Promise<void> {
  const { count } = await db.ltiPlatform.deleteMany({ where: { id } });
  if (!count) throw new HttpError(404, "No such platform.");
}

/** The platform a login initiation names: by issuer, and client id when the platform sends one. */
export async function findPlatformForLogin(db: PrismaClient, issuer: string, clientId: string | undefined) {
  const rows = await db.ltiPlatform.findMany({ where: { issuer, ...(clientId ? { clientId } : {}) } });
  return rows.length === 1 ? rows[0]! : null;
}
