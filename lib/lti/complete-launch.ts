// After a launch is verified: record the context, find or create the person, and send them on:
// to the linked assignment (enrolled with the role the LMS gave them), to the assignment picker
// (deep linking), or, for an instructor in a context not linked yet, to the page that links it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CLAIM } from "@/lib/lti/claims";
import { linkedTerm, termPath, upsertContext } from "@/lib/lti/context-link";
import type { VerifiedLaunch } from "@/lib/lti/launch";
import { enrollFromLaunch, userForLaunch } from "@/lib/lti/people";
import { LaunchRefused } from "@/lib/lti/refusal";
import { courseRoleOf } from "@/lib/lti/roles";
import { issueTicket } from "@/lib/lti/tickets";

export type LaunchOutcome = { user: { id: string; email: string; name: string }; redirect: string };

export async function completeLaunch(db: PrismaClient, { platform, claims }: VerifiedLaunch): Promise<LaunchOutcome> {
  const ctx = claims[CLAIM.context];
  if (!ctx) throw new LaunchRefused("no-context");
  const role = courseRoleOf(claims[CLAIM.roles]);
  if (!role) throw new LaunchRefused("no-role", 403, claims[CLAIM.roles].join(", ") || "(none)");
  const ags = claims[CLAIM.ags];
  const context = await upsertContext(db, {
    platformId: platform.id,
    contextId: ctx.id,
    deploymentId: claims[CLAIM.deploymentId],
    title: ctx.title ?? ctx.label ?? ctx.id,
    lineItemsUrl: ags?.lineitems,
    membershipsUrl: claims[CLAIM.nrps]?.context_memberships_url,
  });
  const name = claims.name ?? ([claims.given_name, claims.family_name].filter(Boolean).join(" ") || undefined);
  const user = await userForLaunch(db, platform.id, { sub: claims.sub, email: claims.email, name });
  const term = await linkedTerm(db, context.id);
  const staff = role !== "STUDENT";
  const deepLinking = claims[CLAIM.messageType] === "LtiDeepLinkingRequest";
  if (deepLinking && !staff) throw new LaunchRefused("not-staff", 403);

  let next: string;
  if (deepLinking) {
    const s = claims[CLAIM.deepLinkingSettings];
    if (!s) throw new LaunchRefused("bad-request", 400, "deep_linking_settings is missing");
    const ticket = await issueTicket({
      purpose: "deep-link",
      uid: user.id,
      ctx: context.id,
      returnUrl: s.deep_link_return_url,
      ...(s.data !== undefined ? { data: s.data } : {}),
      deploymentId: claims[CLAIM.deploymentId],
      multiple: s.accept_multiple ?? true,
    });
    next = `/lti/deep-link?ticket=${encodeURIComponent(ticket)}`;
  } else if (term) {
    const custom = claims[CLAIM.custom]?.assignment;
    const slug = typeof custom === "string" ? custom : null;
    const assignment = slug ? await db.assignment.findUnique({ where: { termId_slug: { termId: term.id, slug } } }) : null;
    next = assignment ? `/courses/${termPath(term)}/assignments/${assignment.slug}` : `/courses/${termPath(term)}`;
    if (assignment) {
      const link = claims[CLAIM.resourceLink];
      await db.ltiLineItem.upsert({
        where: { contextId_assignmentId: { contextId: context.id, assignmentId: assignment.id } },
        create: { contextId: context.id, assignmentId: assignment.id, resourceLinkId: link?.id ?? null, lineItemUrl: ags?.lineitem ?? null },
        update: { ...(link ? { resourceLinkId: link.id } : {}), ...(ags?.lineitem ? { lineItemUrl: ags.lineitem } : {}) },
      });
    }
  } else {
    next = "";
  }

  if (!term) {
    // Only staff decide which course an LMS course is; a student waits for them.
    if (!staff) throw new LaunchRefused("not-linked", 409);
    const ticket = await issueTicket({ purpose: "link", uid: user.id, ctx: context.id, next: next || "/courses" });
    return { user, redirect: `/lti/link?ticket=${encodeURIComponent(ticket)}` };
  }
  await enrollFromLaunch(db, user.id, term.id, role);
  return { user, redirect: next };
}
