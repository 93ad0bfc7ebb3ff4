import { defineTests } from "../../../grader/testing";
import { hiddenGroups } from "./instances";
import { fractionSolved } from "./check";

// Partial credit per group: the fraction of its instances the returned nets classify. The
// instances are drawn per grading from the test's ctx.rng (the groups' titles and points are fixed).
export default defineTests(
  hiddenGroups().map((g, i) => ({
    name: `buildNet: ${g.title}`,
    points: g.points,
    run: (s, ctx) => fractionSolved(s, hiddenGroups(ctx.rng())[i]!.instances),
  })),
);
