// A course with graded work at fixed times, for the gradebook, export and staff tests: every
// case of the grading policy appears once (late, extension, regrade, RUN, override, LATEST, proof).
import { seedCourse } from "./course-fixture";

export async function seedStaffCourse() {
  const ctx = await seedCourse(["xor-ln-net", "generalization-bounds"], 3);
  const { db, term, students, ta } = ctx;
  const names = ["Ada Lovelace", 'Bob, Jr. "Bobby" Kumar', "Chloé Martin"];
  for (const [i, s] of students.entries()) await db.user.update({ where: { id: s.id }, data: { name: names[i]!, studentId: `S${1001 + i}` } });
  const xor = await db.assignment.findUniqueOrThrow({
    where: { termId_slug: { termId: term.id, slug: "xor-ln-net" } },
    include: { currentVersion: { include: { questions: true } } },
  });
  const gb = await db.assignment.update({
    where: { termId_slug: { termId: term.id, slug: "generalization-bounds" } },
    data: { policy: "LATEST" },
    include: { currentVersion: { include: { questions: true } } },
  });
  const [s0, s1, s2] = [students[0]!, students[1]!, students[2]!];

  async function graded(
    userId: string,
    a: typeof xor,
    questionKey: string,
    at: string,
    score: number | null,
    opts: { late?: boolean; kind?: "SUBMIT" | "RUN"; gradedAt?: string; regradeScore?: number } = {},
  ) {
    const q = a.currentVersion!.questions.find((x) => x.key === questionKey)!;
    const s = await db.submission.create({
      data: {
        userId,
        assignmentId: a.id,
        versionId: a.currentVersionId!,
        questionId: q.id,
        questionKey,
        kind: opts.kind ?? "SUBMIT",
        code: "// work",
        late: opts.late ?? false,
        createdAt: new Date(at),
      },
    });
    if (score !== null) {
      const gradedAt = new Date(opts.gradedAt ?? new Date(new Date(at).getTime() + 2000).toISOString());
      await db.grading.create({
        data: { submissionId: s.id, versionId: a.currentVersionId!, score, maxScore: q.points, status: "graded", report: {}, gradedAt },
      });
      if (opts.regradeScore !== undefined) {
        await db.grading.create({
          data: {
            submissionId: s.id,
            versionId: a.currentVersionId!,
            score: opts.regradeScore,
            maxScore: q.points,
            status: "graded",
            report: {},
            regrade: true,
            gradedAt: new Date(gradedAt.getTime() + 86_400_000),
          },
        });
      }
    }
    return s;
  }
  const codePoints = xor.currentVersion!.questions.find((q) => q.key === "construction")!.points;

  // s0: best of two code submissions (the late one still wins after its 20% penalty), a proof graded by rubric, a right MC answer.
  await graded(s0.id, xor, "construction", "2026-12-05T10:00:00Z", codePoints * 0.6);
  await graded(s0.id, xor, "construction", "2026-12-09T10:00:00Z", codePoints * 0.9, { late: true });
  const proof = await graded(s0.id, xor, "xor-proof", "2026-12-06T09:30:00Z", null);
  const items = await db.rubricItem.findMany({ where: { assignmentId: xor.id, questionKey: "xor-proof" } });
  const item = (k: string) => items.find((i) => i.key === k)!;
  await db.manualGrading.create({
    data: {
      submissionId: proof.id,
      graderId: ta.id,
      score: 4,
      comment: "Clean.",
      updatedAt: new Date("2026-12-12T08:00:00Z"),
      items: { create: [{ rubricItemId: item("constraints").id }, { rubricItemId: item("combine").id }] },
    },
  });
  await graded(s0.id, xor, "ln-width2", "2026-12-06T09:35:00Z", 2);
  // s0, LATEST policy: the later (wrong) answer counts.
  await graded(s0.id, gb, "hoeffding", "2026-11-20T10:00:00Z", 1);
  await graded(s0.id, gb, "hoeffding", "2026-11-21T10:00:00Z", 0);

  // s1: a late submission covered by an extension (no penalty); a RUN with full marks never counts; a regrade replaces a score.
  await db.extension.create({ data: { userId: s1.id, assignmentId: xor.id, dueAt: new Date("2026-12-10T23:59:00Z"), reason: "medical", createdById: ta.id } });
  await graded(s1.id, xor, "construction", "2026-12-09T12:00:00Z", codePoints * 0.5, { late: true });
  await graded(s1.id, xor, "construction", "2026-12-09T13:00:00Z", codePoints, { kind: "RUN" });
  await graded(s1.id, xor, "ln-width2", "2026-12-01T08:00:00Z", 0, { regradeScore: 2 });
  await graded(s1.id, xor, "xor-proof", "2026-12-07T08:00:00Z", null); // waits for a grader
  await graded(s1.id, gb, "epsilon", "2026-11-25T10:00:00Z", 1);

  // s2: nothing in xor-ln-net; an override in generalization-bounds with a reason.
  await db.gradeOverride.create({
    data: {
      userId: s2.id,
      assignmentId: gb.id,
      questionKey: "vacuous",
      score: 0.5,
      reason: 'Partial credit: "vacuous" argued, bound misread',
      createdById: ta.id,
      createdAt: new Date("2026-12-03T12:00:00Z"),
    },
  });

  return { ...ctx, xor, gb, codePoints, proofId: proof.id, items };
}

export type StaffCourse = Awaited<ReturnType<typeof seedStaffCourse>>;
