// Markdown with $…$ / $$…$$ math rendered by KaTeX on the server (statements, prompts, proofs).
// Raw HTML in the source is not allowed through, so student-written Markdown cannot inject markup.
import katex from "katex";
import MarkdownIt from "markdown-it";
import texmath from "markdown-it-texmath";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.use(texmath, { engine: katex, delimiters: "dollars", katexOptions: { throwOnError: false, strict: "ignore", maxExpand: 1000, maxSize: 50 } });

// Statements and prompts are re-rendered on every page view; KaTeX makes that ~10 ms of CPU for a
// long statement. Content is immutable per version, so a bounded cache by source text is safe.
const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

export function renderMarkdown(source: string): string {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const html = md.render(source);
  if (source.length < 200_000) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(source, html);
  }
  return html;
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
