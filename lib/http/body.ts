// Reading a JSON request body with a size cap, before parsing, so a huge body costs nothing; then
// refusing text PostgreSQL cannot store (NUL characters, unpaired surrogates) and absurd nesting
// with a 400 here, rather than a database error (a 5xx, or silently altered text) further in.
import { HttpError } from "@/lib/http/responses";

const MAX_DEPTH = 64;
// U+0000, or a UTF-16 surrogate without its pair.
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Throws a 400 naming the first string (value or key) PostgreSQL cannot store, or too deep nesting. */
export function assertStorableJson(value: unknown): void {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: "" }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (typeof v === "string") {
      if (UNSTORABLE.test(v))
        throw new HttpError(
          400,
          `${path ? `${path.slice(0, 100)}: ` : ""}the text contains a NUL character or a broken Unicode character; remove it and try again.`,
        );
    } else if (v && typeof v === "object") {
      if (depth >= MAX_DEPTH) throw new HttpError(400, `The request is nested more than ${MAX_DEPTH} levels deep.`);
      for (const [k, child] of Object.entries(v)) {
        if (UNSTORABLE.test(k)) throw new HttpError(400, "A field name contains a NUL character or a broken Unicode character.");
        stack.push({ v: child, depth: depth + 1, path: Array.isArray(v) ? `${path}[${k}]` : path ? `${path}.${k}` : k });
      }
    }
  }
}

/** The body's bytes, refused with 413 as soon as it passes `maxBytes` (declared or streamed). */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new HttpError(413, `Request is ${Math.ceil(declared / 1024)} KB; the limit is ${Math.floor(maxBytes / 1024)} KB.`);
  const reader = req.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new HttpError(413, `Request is over ${Math.floor(maxBytes / 1024)} KB, the limit.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  if (!req.body) throw new HttpError(400, "Send a JSON body.");
  const bytes = await readBodyBytes(req, maxBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
  assertStorableJson(parsed);
  return parsed;
}
