// Markdown with $…$ / $$…$$ math rendered by KaTeX on the server (statements, prompts, proofs).
// Raw HTML in the source is not allowed through, so student-written Markdown cannot inject markup.
import katex from "katex";
import MarkdownIt from "markdown-it";
import texmath from "markdown-it-texmath";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.use(texmath, { engine: katex, delimiters: "dollars", katexOptions: { throwOnError: false, strict: "ignore", maxExpand: 1000, maxSize: 50 } });

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Replaces {{name}} with the student's parameter values (numeric questions). */
export function fillPlaceholders(source: string, params: Record<string, unknown>): string {
  return source.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === "number" ? formatNumber(v) : String(v);
  });
}

export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? v.toExponential(4) : String(Number(v.toPrecision(6)));
}
