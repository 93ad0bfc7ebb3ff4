// POST /api/admin {action, ...} — site admins create courses and terms, copy terms and name
// instructors (lib/courses/admin-actions.ts). Everyone else gets 404, as for a page that is not there.
import { authorizeAdmin } from "@/lib/access";
import { getDb } from "@/lib/db";
import { handler } from "@/lib/http/responses";
import { readJsonBody } from "@/lib/http/body";
import { adminBody, runAdminAction } from "@/lib/courses/admin-actions";

export const POST = handler(async (req: Request) => {
  const admin = await authorizeAdmin();
  const body = adminBody.parse(await readJsonBody(req, 8 * 1024));
  return Response.json(await runAdminAction(await getDb(), admin.id, body));
});
