// What a submission carries per question type, validated with zod before anything is written.
import { z } from "zod";
import { MAX_SOURCE_BYTES } from "@/grader/bundle-safe";
import type { QuestionSpec } from "@/lib/assignments/schema";
import { HttpError } from "@/lib/http/http-error";

/** The grader's source limit; the submit and draft routes refuse a larger text before it is stored. */
export const MAX_SUBMISSION_BYTES = MAX_SOURCE_BYTES;

function checkSize(text: string): void {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_SUBMISSION_BYTES) {
    throw new HttpError(
      413,
      `Submission is ${Math.ceil(bytes / 1024)} KB; the limit is ${MAX_SUBMISSION_BYTES / 1024} KB. Remove unused code or data and submit again.`,
    );
  }
}

export type NormalizedAnswer = { code: string | null; answer: Record<string, unknown> | null };

export function normalizeAnswer(q: QuestionSpec, raw: { code?: unknown; answer?: unknown }): NormalizedAnswer {
  switch (q.type) {
    case "code": {
      if (typeof raw.code !== "string") throw new HttpError(400, "Send your code as text.");
      checkSize(raw.code);
      if (!raw.code.trim()) throw new HttpError(400, "Your code is empty; write your solution first.");
      return { code: raw.code, answer: null };
    }
    case "numeric": {
      const parsed = z.object({ value: z.number().finite() }).strict().safeParse(raw.answer);
      if (!parsed.success) throw new HttpError(400, "Enter a number, e.g. 0.25 or 1.5e-3.");
      return { code: null, answer: parsed.data };
    }
    case "multiple-choice": {
      const ids = new Set(q.options.map((o) => o.id));
      const parsed = z
        .object({ selected: z.array(z.string().max(64)).max(q.options.length) })
        .strict()
        .safeParse(raw.answer);
      if (!parsed.success || parsed.data.selected.some((s) => !ids.has(s)) || new Set(parsed.data.selected).size !== parsed.data.selected.length) {
        throw new HttpError(400, "Choose among the options shown.");
      }
      if (parsed.data.selected.length === 0) throw new HttpError(400, q.multiple ? "Select at least one option." : "Select an option.");
      if (!q.multiple && parsed.data.selected.length > 1) throw new HttpError(400, "Select exactly one option.");
      return { code: null, answer: { selected: [...parsed.data.selected].sort() } };
    }
    case "proof": {
      const parsed = z.object({ text: z.string() }).strict().safeParse(raw.answer);
      if (!parsed.success) throw new HttpError(400, "Send your proof as text.");
      checkSize(parsed.data.text);
      if (!parsed.data.text.trim()) throw new HttpError(400, "Your proof is empty; write it first.");
      return { code: null, answer: { text: parsed.data.text } };
    }
  }
}
