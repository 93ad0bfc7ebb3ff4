// GET /lti/jwks — the tool's public keys (public LTI endpoint): platforms verify our service-call
// assertions and deep-linking responses with them.
import { getDb } from "@/lib/db";
import { publicJwks, signingKey } from "@/lib/lti/tool-keys";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const db = await getDb();
  await signingKey(db); // a fresh site has no key until something needs one: make it now
  return Response.json(await publicJwks(db), {
    headers: { "cache-control": "public, max-age=300", "x-content-type-options": "nosniff", "access-control-allow-origin": "*" },
  });
}
