// The course statements and prompts render: KaTeX parses every formula, every English Markdown
// file has its Simplified Chinese twin, and numeric prompts only use their generator's parameters.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRng } from "@/grader/rng";
import { fillPlaceholders, renderMarkdown } from "@/lib/assignments/markdown.shared";
import { ROOT } from "./grading";

const SLUGS = [
  "layernorm",
  "xor-ln-net",
  "lnnet-capacity",
  "scale-invariance",
  "spectra",
  "generalization-bounds",
  "group-ln-random-labels",
  "whitening-losses",
];

function markdownFiles(slug: string): string[] {
  const dir = path.join(ROOT, "assignments", slug);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join(dir, f));
  const q = path.join(dir, "questions");
  if (existsSync(q))
    files.push(
      ...readdirSync(q)
        .filter((f) => f.endsWith(".md"))
        .map((f) => path.join(q, f)),
    );
  return files;
}

describe.each(SLUGS)("%s: statements", (slug) => {
  const files = markdownFiles(slug);

  it("has a statement and a Simplified Chinese twin for every English Markdown file", () => {
    expect(files.some((f) => f.endsWith("statement.md"))).toBe(true);
    for (const f of files.filter((x) => !x.endsWith(".zh.md"))) expect(existsSync(f.replace(/\.md$/, ".zh.md"))).toBe(true);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s renders without KaTeX errors", async (_rel, file) => {
    let source = readFileSync(file, "utf8");
    const generator = file.replace(/(\.zh)?\.md$/, ".ts");
    if (existsSync(generator)) {
      const mod = (await import(generator)) as { generate(rng: ReturnType<typeof createRng>): Record<string, unknown> };
      source = fillPlaceholders(source, mod.generate(createRng("statements")));
      expect(source).not.toMatch(/\{\{/);
    }
    const html = renderMarkdown(source);
    expect(html).not.toContain("katex-error");
    expect(html.replace(/<[^>]+>/g, "")).not.toContain("$");
  });
});
