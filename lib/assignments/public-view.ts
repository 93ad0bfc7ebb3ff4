// What a browser may see of an assignment version: statement, prompts, starter code and type
// declarations, multiple-choice options without their correctness. Built by picking allowed
// fields (never by deleting secret ones), so new secret fields stay secret by default.
import "server-only";
import type { QuestionSpec } from "@/lib/assignments/schema";
import type { VersionContent } from "@/lib/assignments/version-content";
import { renderMarkdown } from "@/lib/assignments/markdown.shared";

export type PublicQuestion =
  | { id: string; type: "code"; title: string; points: number; promptHtml?: string; starter: string; types?: string }
  | { id: string; type: "numeric"; title: string; points: number; promptSource?: string }
  | { id: string; type: "multiple-choice"; title: string; points: number; promptHtml?: string; multiple: boolean; options: { id: string; text: string }[] }
  | { id: string; type: "proof"; title: string; points: number; promptHtml?: string; rubric: { id: string; points: number; description: string }[] };

export type Locale = "en" | "zh";

/** The translation twin of a Markdown file (statement.md → statement.zh.md) when present. */
export function localizedFile(files: Record<string, string>, rel: string, locale: Locale): string | undefined {
  if (locale === "zh") {
    const zh = files[rel.replace(/\.md$/, ".zh.md")];
    if (zh !== undefined) return zh;
  }
  return files[rel];
}

function promptHtml(content: VersionContent, q: QuestionSpec, locale: Locale): string | undefined {
  const src = q.prompt ? localizedFile(content.files, q.prompt, locale) : undefined;
  return src === undefined ? undefined : renderMarkdown(src);
}

export function statementHtml(content: VersionContent, locale: Locale): string | undefined {
  const src = content.spec.statement ? localizedFile(content.files, content.spec.statement, locale) : undefined;
  return src === undefined ? undefined : renderMarkdown(src);
}

export function publicQuestion(content: VersionContent, q: QuestionSpec, points: number, locale: Locale): PublicQuestion {
  const title = locale === "zh" && q.title_zh ? q.title_zh : q.title;
  const base = { id: q.id, title, points };
  switch (q.type) {
    case "code": {
      const html = promptHtml(content, q, locale);
      const types = q.types ? content.files[q.types] : undefined;
      return { ...base, type: "code", starter: content.files[q.starter] ?? "", ...(html ? { promptHtml: html } : {}), ...(types ? { types } : {}) };
    }
    case "numeric": {
      // Prompts of numeric questions are filled with the student's parameters before rendering.
      const src = q.prompt ? localizedFile(content.files, q.prompt, locale) : undefined;
      return { ...base, type: "numeric", ...(src ? { promptSource: src } : {}) };
    }
    case "multiple-choice": {
      const html = promptHtml(content, q, locale);
      return {
        ...base,
        type: "multiple-choice",
        multiple: q.multiple,
        options: q.options.map((o) => ({ id: o.id, text: locale === "zh" && o.text_zh ? o.text_zh : o.text })),
        ...(html ? { promptHtml: html } : {}),
      };
    }
    case "proof": {
      const html = promptHtml(content, q, locale);
      return {
        ...base,
        type: "proof",
        rubric: q.rubric.map((r) => ({ id: r.id, points: r.points, description: locale === "zh" && r.description_zh ? r.description_zh : r.description })),
        ...(html ? { promptHtml: html } : {}),
      };
    }
  }
}
