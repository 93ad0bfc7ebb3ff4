// Demo activity for the seeded course: the three demo students' submissions, graded through the
// real submit path and the worker's own result writer, plus one proof graded by the TA and two left
// in the grading queue. Every submission lies in the past: the late and extension cases are on
// generalization-bounds, the assignment already past its due date, and work on assignments still
// open is placed before now (and before their due date). Idempotent: nothing is added when the demo
// students already have demo submissions.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { QuestionSpec } from "@/lib/assignments/schema";
import { parseVersionContent } from "@/lib/assignments/version-content";
import { isEmbedded } from "@/lib/env";
import { completeJob } from "@/lib/queue/complete";
import { numericAnswer, numericParams } from "@/lib/question-types/numeric";
import { gradeSubmission } from "@/lib/submissions/auto-grade";
import { submit } from "@/lib/submissions/submit";
import { saveManualGrading } from "@/lib/grades/manual-grading";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Plan = {
  student: 1 | 2 | 3;
  assignment: string;
  question: string;
  offsetMs: number;
  answer: "reference" | "starter" | "right" | "wrong" | "proof-good" | "proof-short";
};

/** The assignment whose deadline has passed: the late work and Chloé's extension are on it. */
export const DEMO_PAST_DUE = "generalization-bounds";
const EXTENSION_MS = 2 * DAY;

// offsetMs is from the earlier of the assignment's due date and now, so nothing lies in the future.
const PLAN: Plan[] = [
  // generalization-bounds: due Dec 1, late until Dec 4 at −10%. Alice and Bob each hand in one
  // question late (penalised); Chloé (3) has an extension of two days, which covers her work after
  // the original due date.
  { student: 1, assignment: DEMO_PAST_DUE, question: "hoeffding", offsetMs: -5 * DAY, answer: "right" },
  { student: 2, assignment: DEMO_PAST_DUE, question: "hoeffding", offsetMs: -4 * DAY, answer: "wrong" },
  { student: 2, assignment: DEMO_PAST_DUE, question: "hoeffding", offsetMs: -4 * DAY + HOUR, answer: "right" },
  { student: 3, assignment: DEMO_PAST_DUE, question: "hoeffding", offsetMs: 12 * HOUR, answer: "right" },
  { student: 1, assignment: DEMO_PAST_DUE, question: "vacuous", offsetMs: 6 * HOUR, answer: "right" },
  { student: 2, assignment: DEMO_PAST_DUE, question: "vacuous", offsetMs: 20 * HOUR, answer: "right" },
  { student: 3, assignment: DEMO_PAST_DUE, question: "vacuous", offsetMs: 13 * HOUR, answer: "wrong" },
  // xor-ln-net: due Dec 8, still open; Alice's proof is graded, Bob's and Chloé's wait for a grader.
  { student: 1, assignment: "xor-ln-net", question: "xor-proof", offsetMs: -3 * DAY, answer: "proof-good" },
  { student: 2, assignment: "xor-ln-net", question: "xor-proof", offsetMs: -1 * DAY, answer: "proof-short" },
  { student: 3, assignment: "xor-ln-net", question: "xor-proof", offsetMs: -5 * HOUR, answer: "proof-good" },
  { student: 1, assignment: "xor-ln-net", question: "ln-width2", offsetMs: -3 * DAY, answer: "right" },
  { student: 2, assignment: "xor-ln-net", question: "ln-width2", offsetMs: -1 * DAY, answer: "wrong" },
  { student: 3, assignment: "xor-ln-net", question: "ln-width2", offsetMs: -4 * HOUR, answer: "right" },
  { student: 1, assignment: "xor-ln-net", question: "construction", offsetMs: -2 * DAY, answer: "reference" },
  { student: 2, assignment: "xor-ln-net", question: "construction", offsetMs: -20 * HOUR, answer: "starter" },
  { student: 2, assignment: "xor-ln-net", question: "construction", offsetMs: -2 * HOUR, answer: "reference" },
  { student: 3, assignment: "xor-ln-net", question: "construction", offsetMs: -3 * HOUR, answer: "reference" },
  // layernorm: due Dec 20, no late window.
  { student: 1, assignment: "layernorm", question: "norms", offsetMs: -6 * DAY, answer: "reference" },
  { student: 2, assignment: "layernorm", question: "norms", offsetMs: -3 * HOUR, answer: "starter" },
  { student: 3, assignment: "layernorm", question: "norms", offsetMs: -1 * DAY, answer: "reference" },
];

const PROOF_GOOD = `Suppose $f(x) = \\operatorname{sign}(w \\cdot x + c)$ separates XOR. Then
$$c < 0,\\quad w_1 + w_2 + c < 0,\\quad w_1 + c > 0,\\quad w_2 + c > 0.$$
Adding the last two gives $w_1 + w_2 + 2c > 0$, adding the first two gives $w_1 + w_2 + 2c < 0$: a contradiction, so no $(w, c)$ exists.`;
const PROOF_SHORT = `The line $x_1 = x_2$ does not separate the points, and neither does $x_1 + x_2 = 1$, so XOR is not linearly separable.`;

function answerFor(
  plan: Plan,
  spec: QuestionSpec,
  files: Record<string, string>,
  key: { course: string; assignment: string; question: string; student: string },
) {
  if (spec.type === "code") return { code: files[plan.answer === "reference" ? spec.solution : spec.starter] ?? "" };
  if (spec.type === "proof") return { answer: { text: plan.answer === "proof-good" ? PROOF_GOOD : PROOF_SHORT } };
  if (spec.type === "numeric") {
    const right = numericAnswer(files, spec, numericParams(files, spec, key));
    return { answer: { value: plan.answer === "right" ? right : right * 1.5 + 1 } };
  }
  const correct = spec.options.filter((o) => o.correct).map((o) => o.id);
  const wrong = spec.options.filter((o) => !o.correct).map((o) => o.id);
  return { answer: { selected: plan.answer === "right" ? correct : wrong.slice(0, spec.multiple ? 2 : 1) } };
}

export async function seedDemoActivity(db: PrismaClient, termId: string): Promise<{ submissions: number; skipped: boolean }> {
  const { course } = await db.term.findUniqueOrThrow({ where: { id: termId }, include: { course: true } });
  const people = await db.enrollment.findMany({ where: { termId }, include: { user: true } });
  const byEmail = new Map(people.map((p) => [p.user.email, p.user]));
  const student = (n: number) => byEmail.get(`student${n}@demo.test`);
  const ta = byEmail.get("ta@demo.test");
  if (!student(1) || !student(2) || !student(3) || !ta) return { submissions: 0, skipped: true };
  if (await db.submission.count({ where: { userId: { in: [1, 2, 3].map((n) => student(n)!.id) }, clientToken: { startsWith: "demo-" } } }))
    return { submissions: 0, skipped: true };

  const assignments = await db.assignment.findMany({ where: { termId, hidden: false }, include: { currentVersion: true } });
  const bySlug = new Map(assignments.map((a) => [a.slug, a]));
  const pastDue = bySlug.get(DEMO_PAST_DUE);
  if (pastDue) {
    await db.extension.upsert({
      where: { userId_assignmentId: { userId: student(3)!.id, assignmentId: pastDue.id } },
      create: {
        userId: student(3)!.id,
        assignmentId: pastDue.id,
        dueAt: new Date(pastDue.dueAt.getTime() + EXTENSION_MS),
        reason: "Demo: illness, documented",
        createdById: ta.id,
      },
      update: {},
    });
  }
  const xor = bySlug.get("xor-ln-net");
  const now = Date.now();

  const created: { submissionId: string; jobId: string | null; plan: Plan }[] = [];
  const grader = demoGrader(db);
  try {
    for (const [i, plan] of PLAN.entries()) {
      const a = bySlug.get(plan.assignment);
      const content = a?.currentVersion ? parseVersionContent(a.currentVersion.content, `version ${a.currentVersion.number} of "${a.slug}"`) : undefined;
      const spec = content?.spec.questions.find((q) => q.id === plan.question);
      const user = student(plan.student)!;
      if (!a || !content || !spec) continue; // the course's content changed; seed what still exists
      // Before now, always: a history dated in the future would count in rate limits and read oddly.
      const at = Math.min(a.dueAt.getTime(), now) + plan.offsetMs;
      if (at > now) continue; // a late case whose deadline has not passed on this clock
      const key = { course: course.slug, assignment: a.slug, question: spec.id, student: user.id };
      const r = await submit(db, {
        userId: user.id,
        termId,
        assignmentSlug: a.slug,
        questionKey: spec.id,
        kind: "SUBMIT",
        ...answerFor(plan, spec, content.files, key),
        clientToken: `demo-${i}`,
        isStaff: false,
        embedded: isEmbedded(),
        now: new Date(at),
      });
      // Graded at once: the submit path allows one submission in flight per question.
      if (r.jobId) await grader.grade(r.jobId);
      created.push({ submissionId: r.submissionId, jobId: r.jobId, plan });
    }
  } finally {
    await grader.close();
  }

  const graded = created.find((c) => c.plan.question === "xor-proof" && c.plan.student === 1);
  if (graded && xor) {
    const items = await db.rubricItem.findMany({ where: { assignmentId: xor.id, questionKey: "xor-proof", key: { in: ["constraints", "combine"] } } });
    await saveManualGrading(db, {
      termId,
      submissionId: graded.submissionId,
      graderId: ta.id,
      itemIds: items.map((i) => i.id),
      comment: "Clear contradiction. State the conclusion for every threshold convention too.",
      adjustment: 0,
      expectedRevision: 0,
    });
  }
  return { submissions: created.length, skipped: false };
}

/** Grades one of the demo's own jobs the way the worker does (claim, grade, completeJob), without waiting for a worker. */
function demoGrader(db: PrismaClient) {
  const workerId = "demo-seed";
  let pool: import("@/grader").GraderPool | undefined;
  return {
    async grade(jobId: string): Promise<void> {
      const claimed = await db.gradingJob.updateMany({
        where: { id: jobId, status: "QUEUED" },
        data: { status: "RUNNING", lockedBy: workerId, lockedUntil: new Date(Date.now() + 10 * 60_000), attempts: 1 },
      });
      if (claimed.count !== 1) return;
      try {
        const job = await db.gradingJob.findUniqueOrThrow({
          where: { id: jobId },
          include: { submission: { include: { version: true, assignment: { include: { term: { include: { course: true } } } } } } },
        });
        const s = job.submission;
        const version = {
          courseSlug: s.assignment.term.course.slug,
          assignmentSlug: s.assignment.slug,
          contentHash: s.version.contentHash,
          content: parseVersionContent(s.version.content, `version ${s.version.number} of "${s.assignment.slug}"`),
        };
        // The pool (isolated-vm) is loaded only when a code question comes up.
        const report = await gradeSubmission(s, version, async () => (pool ??= (await import("@/grader")).createGraderPool({ size: 1 })));
        await completeJob(db, job.id, s.id, workerId, { report, versionId: s.versionId, regrade: false });
      } finally {
        // Anything not graded here goes back to the queue for a real worker.
        await db.gradingJob.updateMany({
          where: { id: jobId, lockedBy: workerId, status: "RUNNING" },
          data: { status: "QUEUED", lockedBy: null, lockedUntil: null, attempts: 0 },
        });
      }
    },
    async close(): Promise<void> {
      await pool?.close();
    },
  };
}
