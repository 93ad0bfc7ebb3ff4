// Similarity of students' counted code submissions (the ones the gradebook uses), for a TA to review (not a verdict): code is
// tokenized with comments dropped, identifiers, strings and numbers normalized (so renaming does
// not hide a copy) and keywords and punctuation kept; k-grams of tokens that also occur in the
// starter code are removed; pairs are ranked by the Jaccard index of the remaining k-grams.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { countedSubmissionIds } from "@/lib/grades/gradebook";

const KEYWORDS = new Set(
  "break case catch class const continue debugger default delete do else export extends finally for function if import in instanceof let new of return super switch this throw try typeof var void while with yield async await as interface type enum implements private public protected readonly static abstract declare keyof number string boolean null undefined true false Math Array Object Number".split(
    " ",
  ),
);
const TOKEN =
  /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|`(?:\\[\s\S]|[^\\`])*`|"(?:\\.|[^\\"\n])*"|'(?:\\.|[^\\'\n])*'|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_$][\w$]*|=>|===|!==|==|!=|<=|>=|&&|\|\||\?\?|\+\+|--|\*\*|[+\-*/%=<>!&|^~?:;,.(){}[\]]/g;

export function tokenize(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(TOKEN)) {
    const t = m[0];
    if (/^\s/.test(t) || t.startsWith("//") || t.startsWith("/*")) continue;
    if (/^["'`]/.test(t)) out.push("S");
    else if (/^\d/.test(t)) out.push("N");
    else if (/^[A-Za-z_$]/.test(t)) out.push(KEYWORDS.has(t) ? t : "I");
    else out.push(t);
  }
  return out;
}

export function kgrams(tokens: string[], k = 6): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + k <= tokens.length; i++) out.add(tokens.slice(i, i + k).join(" "));
  return out;
}

export function fingerprint(code: string, starter: Set<string>, k = 6): Set<string> {
  const grams = kgrams(tokenize(code), k);
  for (const g of starter) grams.delete(g);
  return grams;
}

/** How many k-grams two fingerprints share (walking the smaller one). */
function sharedCount(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return shared;
}

function jaccardOf(a: Set<string>, b: Set<string>, shared: number): number {
  return !a.size || !b.size ? 0 : shared / (a.size + b.size - shared);
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  return jaccardOf(a, b, sharedCount(a, b));
}

export type SimilarPair = {
  a: { userId: string; name: string; submissionId: string };
  b: { userId: string; name: string; submissionId: string };
  similarity: number;
  shared: number;
};

export async function similarPairs(
  db: PrismaClient,
  assignmentId: string,
  questionKey: string,
  starterCode: string,
  limit = 50,
): Promise<{ pairs: SimilarPair[]; submissions: number }> {
  const assignment = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { termId: true, slug: true } });
  const counted = (await countedSubmissionIds(db, assignment.termId, assignment.slug)).get(questionKey) ?? [];
  const finals = await db.submission.findMany({
    where: { id: { in: counted.map((c) => c.submissionId) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, code: true, user: { select: { name: true } } },
  });
  const starter = kgrams(tokenize(starterCode));
  const prints = finals.map((s) => ({ s, grams: fingerprint(s.code ?? "", starter) }));
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < prints.length; i++) {
    for (let j = i + 1; j < prints.length; j++) {
      const x = prints[i]!;
      const y = prints[j]!;
      const shared = sharedCount(x.grams, y.grams);
      const similarity = jaccardOf(x.grams, y.grams, shared);
      if (similarity <= 0) continue;
      pairs.push({
        a: { userId: x.s.userId, name: x.s.user.name, submissionId: x.s.id },
        b: { userId: y.s.userId, name: y.s.user.name, submissionId: y.s.id },
        similarity,
        shared,
      });
    }
  }
  pairs.sort((p, q) => q.similarity - p.similarity || q.shared - p.shared);
  return { pairs: pairs.slice(0, limit), submissions: finals.length };
}
