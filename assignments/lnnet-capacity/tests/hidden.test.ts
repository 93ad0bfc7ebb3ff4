import { defineTests } from "../../../grader/testing";
import { hiddenGroups } from "./instances";
import { fractionSolved } from "./check";

// Partial credit per group: the fraction of its instances the returned nets classify.
export default defineTests(
  hiddenGroups().map((g) => ({
    name: `buildNet: ${g.title}`,
    points: g.points,
    run: (s) => fractionSolved(s, g.instances),
  })),
);
