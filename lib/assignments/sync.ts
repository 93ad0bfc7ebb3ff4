// Writes assignment folders into the database. Idempotent: the content hash decides. An unchanged
// folder writes nothing; a changed one adds a version (old submissions keep theirs); a deleted
// folder hides the assignment and keeps every submission and grade; an invalid one keeps its last
// good version and is reported. Dates are the term's: staff edits in the site (datesSetAt) win over
// the course folder's terms/<term>.yaml, which wins over assignment.yaml.
import type { PrismaClient, QuestionType } from "@/lib/generated/prisma/client";
import type { LoadResult, LoadedAssignment, Problem } from "@/lib/assignments/load";
import type { QuestionSpec } from "@/lib/assignments/schema";
import type { DateOverride } from "@/lib/courses/course-folder";

export type SyncOutcome = { slug: string; action: "created" | "new-version" | "unchanged" | "hidden" | "invalid"; version?: number; problems?: Problem[] };

const TYPE: Record<QuestionSpec["type"], QuestionType> = {
  code: "CODE",
  numeric: "NUMERIC",
  "multiple-choice": "MULTIPLE_CHOICE",
  proof: "PROOF",
};

/** Points of a code question come from its tests; the caller knows how to count them. */
export type PointsOf = (assignment: LoadedAssignment, question: QuestionSpec) => Promise<number>;

export const specPoints: PointsOf = async (_a, q) => ("points" in q ? q.points : 0);

export async function syncAssignment(
  db: PrismaClient,
  termId: string,
  a: LoadedAssignment,
  pointsOf: PointsOf,
  position: number,
  override: DateOverride = {},
): Promise<SyncOutcome> {
  const { spec } = a;
  const dates = {
    releaseAt: override.releaseAt ?? spec.release,
    dueAt: override.dueAt ?? spec.due,
    lateUntil: override.lateUntil !== undefined ? override.lateUntil : (spec.late?.until ?? null),
  };
  const meta = {
    title: spec.title,
    titleZh: spec.title_zh ?? null,
    summary: spec.summary,
    summaryZh: spec.summary_zh ?? null,
    latePenalty: spec.late?.penalty ?? 0,
    policy: spec.policy === "latest" ? ("LATEST" as const) : ("BEST" as const),
    challenge: spec.challenge,
    hidden: false,
    position: spec.position ?? position,
    gradeRelease: spec.gradeRelease === "manual" ? ("MANUAL" as const) : ("AUTO" as const),
    hideScoresUntilRelease: spec.hideScoresUntilRelease,
    maxLateDays: spec.maxLateDays ?? null,
    regradeWindowDays: spec.regradeWindowDays,
  };
  const points = await Promise.all(spec.questions.map((q) => pointsOf(a, q)));
  return db.$transaction(async (tx) => {
    const existing = await tx.assignment.findUnique({ where: { termId_slug: { termId, slug: a.slug } } });
    // Dates staff set in the site (or a term copy set) are kept; the files' dates apply otherwise.
    const assignment = existing
      ? await tx.assignment.update({ where: { id: existing.id }, data: existing.datesSetAt ? meta : { ...meta, ...dates } })
      : await tx.assignment.create({ data: { ...meta, ...dates, termId, slug: a.slug } });
    const same = await tx.assignmentVersion.findUnique({ where: { assignmentId_contentHash: { assignmentId: assignment.id, contentHash: a.hash } } });
    if (same) {
      if (assignment.currentVersionId !== same.id) await tx.assignment.update({ where: { id: assignment.id }, data: { currentVersionId: same.id } });
      return { slug: a.slug, action: "unchanged" as const, version: same.number };
    }
    const last = await tx.assignmentVersion.findFirst({ where: { assignmentId: assignment.id }, orderBy: { number: "desc" } });
    const number = (last?.number ?? 0) + 1;
    const version = await tx.assignmentVersion.create({
      data: {
        assignmentId: assignment.id,
        number,
        contentHash: a.hash,
        content: { spec: JSON.parse(JSON.stringify(spec)), files: a.files },
        questions: {
          create: spec.questions.map((q, i) => ({
            key: q.id,
            type: TYPE[q.type],
            title: q.title,
            points: points[i] ?? 0,
            position: i,
            config: JSON.parse(JSON.stringify(q)),
          })),
        },
      },
    });
    await tx.assignment.update({ where: { id: assignment.id }, data: { currentVersionId: version.id } });
    for (const q of spec.questions) {
      if (q.type !== "proof") continue;
      for (const [position, item] of q.rubric.entries()) {
        // Files create rubric items; once one exists, staff edit it on the grading page (which
        // recomputes every score using it), so a later version does not overwrite those edits.
        await tx.rubricItem.upsert({
          where: { assignmentId_questionKey_key: { assignmentId: assignment.id, questionKey: q.id, key: item.id } },
          create: { assignmentId: assignment.id, questionKey: q.id, key: item.id, points: item.points, description: item.description, position },
          update: { position },
        });
      }
    }
    return { slug: a.slug, action: existing ? ("new-version" as const) : ("created" as const), version: number };
  });
}

export async function syncAssignments(
  db: PrismaClient,
  termId: string,
  results: LoadResult[],
  pointsOf: PointsOf = specPoints,
  termDates: ReadonlyMap<string, DateOverride> = new Map(),
): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  const ordered = [...results].sort((x, y) => {
    const dx = x.ok ? x.assignment.spec.due.getTime() : 0;
    const dy = y.ok ? y.assignment.spec.due.getTime() : 0;
    return dx - dy;
  });
  for (const [i, r] of ordered.entries()) {
    if (!r.ok) outcomes.push({ slug: r.slug, action: "invalid", problems: r.problems });
    else outcomes.push(await syncAssignment(db, termId, r.assignment, pointsOf, i, termDates.get(r.slug)));
  }
  const present = new Set(results.map((r) => r.slug));
  const gone = await db.assignment.findMany({ where: { termId, hidden: false, slug: { notIn: [...present] } } });
  for (const g of gone) {
    await db.assignment.update({ where: { id: g.id }, data: { hidden: true } });
    outcomes.push({ slug: g.slug, action: "hidden" });
  }
  return outcomes;
}
