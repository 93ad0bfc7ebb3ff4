// GET /api/submissions/:id/events — server-sent events: the submission's view each time its status
// changes, until it is graded or failed (or a minute passes; the browser then polls). Reading the
// database here works the same in both database modes and on any number of web servers.
import { handler } from "@/lib/http/responses";
import { submissionIdSchema } from "@/lib/submissions/request";
import { submissionReader } from "@/lib/submissions/access";

const FINAL = new Set(["graded", "failed", "awaiting_grading"]);

export const GET = handler(async (req: Request, ctx: { params: Promise<{ submissionId: string }> }) => {
  const id = submissionIdSchema.parse((await ctx.params).submissionId);
  const read = await submissionReader(id); // authorizes once, before the stream opens
  const first = await read();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (data: unknown) => controller.enqueue(encoder.encode(`data: ${JSON.stringify(data)}\n\n`));
      let last = JSON.stringify(first);
      send(first);
      const until = Date.now() + 60_000;
      let view = first;
      while (!FINAL.has(view.status) && Date.now() < until && !req.signal.aborted) {
        await new Promise((r) => setTimeout(r, 150));
        try {
          view = await read();
        } catch {
          break;
        }
        const text = JSON.stringify(view);
        if (text !== last) {
          last = text;
          send(view);
        }
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" } });
});
