// Reading a JSON request body with a size cap, before parsing, so a huge body costs nothing.
import { HttpError } from "@/lib/http";

export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new HttpError(413, `Request is ${Math.ceil(declared / 1024)} KB; the limit is ${Math.floor(maxBytes / 1024)} KB.`);
  const reader = req.body?.getReader();
  if (!reader) throw new HttpError(400, "Send a JSON body.");
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
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
}
