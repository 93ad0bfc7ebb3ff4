// POST — site administrators: register (or update) an LMS platform, remove one, rotate the tool key.
import { z } from "zod";
import { authorizeAdmin } from "@/lib/access";
import { getDb } from "@/lib/db";
import { readJsonBody } from "@/lib/http/body";
import { handler } from "@/lib/http/responses";
import { platformSchema, registerPlatform, removePlatform } from "@/lib/lti/platforms";
import { rotateToolKey } from "@/lib/lti/tool-keys";

const body = z.discriminatedUnion("action", [
  platformSchema.extend({ action: z.literal("add-platform") }).strict(),
  z.object({ action: z.literal("remove-platform"), id: z.string().min(1).max(100) }).strict(),
  z.object({ action: z.literal("rotate-key") }).strict(),
]);

export const POST = handler(async (req: Request) => {
  const admin = await authorizeAdmin();
  const input = body.parse(await readJsonBody(req, 16 * 1024));
  const db = await getDb();
  if (input.action === "rotate-key") {
    const kid = await rotateToolKey(db);
    await db.auditLog.create({ data: { actorId: admin.id, action: "lti.key.rotate", targetId: kid, data: {} } });
    return Response.json({ kid });
  }
  if (input.action === "remove-platform") {
    await removePlatform(db, input.id);
    await db.auditLog.create({ data: { actorId: admin.id, action: "lti.platform.remove", targetId: input.id, data: {} } });
    return Response.json({ removed: input.id });
  }
  const { action: _, ...platform } = input;
  const saved = await registerPlatform(db, platform);
  await db.auditLog.create({
    data: { actorId: admin.id, action: "lti.platform.save", targetId: saved.id, data: { issuer: saved.issuer, clientId: saved.clientId } },
  });
  return Response.json({ id: saved.id });
});
