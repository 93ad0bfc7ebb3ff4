// The deep-linking response (LTI Deep Linking 2.0 §4.2): a JWT signed with the tool's key listing
// one LTI resource link per chosen assignment, each with a line item (its points as scoreMaximum,
// its slug as resourceId, which the passback later finds it by) and the slug as a custom parameter
// so the launch opens that assignment.
import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { staffAssignments } from "@/lib/assignments/course-data";
import { CLAIM } from "@/lib/lti/claims";
import type { DeepLinkTicket } from "@/lib/lti/tickets";
import { ALG, signingKey } from "@/lib/lti/tool-keys";
import { toolUrls } from "@/lib/lti/urls";

export async function deepLinkingResponse(db: PrismaClient, ticket: DeepLinkTicket, termId: string, slugs: string[], site: string): Promise<string> {
  const context = await db.ltiContext.findUniqueOrThrow({ where: { id: ticket.ctx }, include: { platform: true } });
  const chosen = (await staffAssignments(db, termId)).filter((a) => slugs.includes(a.slug)).slice(0, ticket.multiple ? undefined : 1);
  const items = chosen.map((a) => ({
    type: "ltiResourceLink",
    title: a.title,
    url: toolUrls(site).launch,
    custom: { assignment: a.slug },
    lineItem: { scoreMaximum: (a.currentVersion?.questions ?? []).reduce((s, q) => s + q.points, 0), label: a.title, resourceId: a.slug },
  }));
  for (const a of chosen)
    await db.ltiLineItem.upsert({
      where: { contextId_assignmentId: { contextId: context.id, assignmentId: a.id } },
      create: { contextId: context.id, assignmentId: a.id },
      update: {},
    });
  const { kid, key } = await signingKey(db);
  return new SignJWT({
    nonce: randomBytes(16).toString("base64url"),
    [CLAIM.messageType]: "LtiDeepLinkingResponse",
    [CLAIM.version]: "1.3.0",
    [CLAIM.deploymentId]: ticket.deploymentId,
    [CLAIM.deepLinkingContentItems]: items,
    ...(ticket.data !== undefined ? { [CLAIM.deepLinkingData]: ticket.data } : {}),
  })
    .setProtectedHeader({ alg: ALG, kid, typ: "JWT" })
    .setIssuer(context.platform.clientId)
    .setAudience(context.platform.issuer)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(key);
}
