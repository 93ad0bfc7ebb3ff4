// The tool's own RSA keys, kept in the database so every web server and grader signs with the same
// one. The newest unretired key signs; rotating makes a new one and retires the old, which stays in
// the published JWKS for a day so tokens signed just before the rotation still verify.
import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from "jose";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const ALG = "RS256";
const GRACE_MS = 24 * 60 * 60_000;

export type SigningKey = { kid: string; key: CryptoKey };

export async function createToolKey(db: PrismaClient): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true, modulusLength: 2048 });
  const kid = randomBytes(12).toString("base64url");
  const pub = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: "sig" };
  const priv = { ...(await exportJWK(privateKey)), kid, alg: ALG };
  await db.ltiToolKey.create({ data: { id: kid, publicJwk: pub, privateJwk: priv } });
  return kid;
}

/** The signing key, created on first use (two servers racing both create one; the newest signs). */
export async function signingKey(db: PrismaClient): Promise<SigningKey> {
  let row = await db.ltiToolKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  if (!row) {
    await createToolKey(db);
    row = await db.ltiToolKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" } });
  }
  return { kid: row!.id, key: (await importJWK(row!.privateJwk as JWK, ALG)) as CryptoKey };
}

/** A new signing key; the ones before it are retired (still published for a day). */
export async function rotateToolKey(db: PrismaClient): Promise<string> {
  const kid = await createToolKey(db);
  await db.ltiToolKey.updateMany({ where: { retiredAt: null, id: { not: kid } }, data: { retiredAt: new Date() } });
  return kid;
}

/** The public JWKS: the active keys and those retired less than a day ago. */
export async function publicJwks(db: PrismaClient, now = new Date()): Promise<{ keys: JWK[] }> {
  const rows = await db.ltiToolKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: new Date(now.getTime() - GRACE_MS) } }] },
    orderBy: { createdAt: "desc" },
  });
  return { keys: rows.map((r) => r.publicJwk as JWK) };
}

export async function listToolKeys(db: PrismaClient) {
  return db.ltiToolKey.findMany({ select: { id: true, createdAt: true, retiredAt: true }, orderBy: { createdAt: "desc" }, take: 20 });
}
