// Reading the form posts and query strings of the public LTI endpoints: capped in size, as plain
// string fields (repeated fields keep their first value), validated by the caller's zod schema.
import { readBodyBytes } from "@/lib/http/body";

export const MAX_FORM_BYTES = 64 * 1024;

export async function readForm(req: Request): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const add = (p: URLSearchParams) => p.forEach((v, k) => void (k in out ? undefined : (out[k] = v)));
  if (req.method === "GET") add(new URL(req.url).searchParams);
  else add(new URLSearchParams((await readBodyBytes(req, MAX_FORM_BYTES)).toString("utf8")));
  return out;
}

/** All values of a repeated form field (checkbox lists). */
export async function readFormAll(req: Request): Promise<URLSearchParams> {
  return new URLSearchParams((await readBodyBytes(req, MAX_FORM_BYTES)).toString("utf8"));
}
