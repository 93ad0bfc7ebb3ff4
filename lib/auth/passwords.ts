// Password hashing with bcrypt (pure JS bcryptjs: no native build, cost 12 ≈ 0.25 s per check,
// which is what makes guessing slow).
import bcrypt from "bcryptjs";

const COST = 12;
// Compared against when the email is unknown, so a miss costs as much time as a wrong password.
const DUMMY_HASH = "$2b$12$mb1vxSFiZxf/3aw2D/ioz.nE5c.Z/d9BaEVNnpSrhFce4mTMPOOUW";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && Boolean(hash);
}
