// The site's public address for links in mail and on the staff pages: NEXTAUTH_URL (npm start
// sets it from HOST and PORT when it is not given).
import { getEnv } from "@/lib/env";

export function siteUrl(): string {
  const env = getEnv();
  return (process.env.NEXTAUTH_URL ?? env.NEXTAUTH_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/$/, "");
}
