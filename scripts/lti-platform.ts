// npm run lti:platform -- add --name Canvas --issuer https://canvas.instructure.com --client-id 10000000000001
//     --deployment-id 1:abc [--deployment-id ...] --auth-url ... --token-url ... --jwks-url ...
// npm run lti:platform -- list | rotate-key | urls | admin --email prof@uni.edu
// Registers an LMS platform (or updates the one with the same issuer and client id), lists them,
// rotates the tool's signing key, prints the URLs for the LMS admin, or makes someone a site
// admin (who then manages all this on /admin/lti). With the embedded database, stop the site first.
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { closeDb, getDb } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/maintenance";
import { listPlatforms, registerPlatform } from "@/lib/lti/platforms";
import { rotateToolKey, signingKey } from "@/lib/lti/tool-keys";
import { toolUrls } from "@/lib/lti/urls";
import { exitWithError } from "./lib/fatal";

const USAGE = `Usage: npm run lti:platform -- add --name NAME --issuer URL --client-id ID --deployment-id ID [--deployment-id ID ...]
                                   --auth-url URL --token-url URL --jwks-url URL
       npm run lti:platform -- list | rotate-key | urls | admin --email EMAIL`;

const OPTIONS = {
  name: { type: "string" },
  issuer: { type: "string" },
  "client-id": { type: "string" },
  "deployment-id": { type: "string", multiple: true },
  "auth-url": { type: "string" },
  "token-url": { type: "string" },
  "jwks-url": { type: "string" },
  email: { type: "string" },
} as const;

/** The flag of each registration field, for messages. */
const FLAG: Record<string, string> = {
  name: "name",
  issuer: "issuer",
  clientId: "client-id",
  deploymentIds: "deployment-id",
  authUrl: "auth-url",
  tokenUrl: "token-url",
  jwksUrl: "jwks-url",
};

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

try {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: OPTIONS, allowPositionals: true });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const [command] = parsed.positionals;
  const v = parsed.values;
  if (!command || !["add", "list", "rotate-key", "urls", "admin"].includes(command)) fail("Say what to do: add, list, rotate-key, urls or admin.");
  if (command === "urls") {
    for (const [k, u] of Object.entries(toolUrls())) console.log(`${k.padEnd(14)} ${u}`);
    process.exit(0);
  }
  await migrateDatabase();
  const db = await getDb();
  if (command === "add") {
    try {
      const p = await registerPlatform(db, {
        name: v.name ?? "",
        issuer: v.issuer ?? "",
        clientId: v["client-id"] ?? "",
        deploymentIds: v["deployment-id"] ?? [],
        authUrl: v["auth-url"] ?? "",
        tokenUrl: v["token-url"] ?? "",
        jwksUrl: v["jwks-url"] ?? "",
      });
      await signingKey(db);
      console.log(`Platform "${p.name}" saved (${p.issuer}, client id ${p.clientId}).`);
    } catch (error) {
      if (error instanceof ZodError) fail(error.issues.map((i) => `--${FLAG[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join("\n"));
      throw error;
    }
  } else if (command === "list") {
    for (const p of await listPlatforms(db)) console.log(`${p.name}\t${p.issuer}\tclient ${p.clientId}\tdeployments ${p.deploymentIds.join(",")}`);
  } else if (command === "rotate-key") {
    console.log(`New signing key ${await rotateToolKey(db)}; the old one stays in the JWKS for a day.`);
  } else {
    const email = v.email?.toLowerCase();
    if (!email) fail("admin needs --email.");
    const { count } = await db.user.updateMany({ where: { email }, data: { isAdmin: true } });
    if (!count) fail(`No user with email ${email}: add them first (npm run user:add).`);
    console.log(`${email} is a site admin: /admin/lti`);
  }
  await closeDb();
} catch (error) {
  exitWithError(error);
}
