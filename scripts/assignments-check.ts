// npm run --silent assignments:check [slug...] — validates every (or the named) assignment and
// grades each code question's reference, starter and solution fixtures (FIXTURES_DIR, default
// tests/fixtures: <slug>/*.ts must lose points, <slug>/good/*.ts must score full marks) through the
// real grader. Exits 1 on any failure.
import path from "node:path";
import { createGraderPool, type GraderPool } from "@/grader";
import { loadAllAssignments } from "@/lib/assignments/load";
import { checkAssignment, formatCheck } from "@/lib/assignments/check";

const slugs = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const root = path.resolve(process.env.ASSIGNMENTS_DIR ?? "assignments");
const fixturesDir = path.resolve(process.env.FIXTURES_DIR ?? "tests/fixtures");
const results = await loadAllAssignments(root, slugs);
const missing = slugs.filter((s) => !results.some((r) => r.slug === s));
for (const s of missing) console.log(`FAIL ${s}\n       no folder ${path.join(root, s)}`);

let pool: GraderPool | undefined;
const getPool = async () => (pool ??= createGraderPool({ size: 2 }));
let failed = missing.length;
try {
  for (const r of results) {
    const c = await checkAssignment(r, getPool, { fixturesDir });
    if (!c.ok) failed++;
    console.log(formatCheck(c));
  }
} finally {
  await pool?.close();
}
console.log(`\n${results.length + missing.length - failed} of ${results.length + missing.length} assignments pass`);
process.exit(failed ? 1 : 0);
