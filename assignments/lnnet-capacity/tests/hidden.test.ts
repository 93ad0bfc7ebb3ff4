import { defineTests, type Student, type TestContext } from "../../../grader/testing";
import { hiddenGroups, smallInstances } from "./instances";
import { solvedOne } from "./check";

// Each instance is its own test worth its share of its group's points, so a timeout or a crash
// on one instance costs that instance only. The random instances are drawn per grading from the
// test's ctx.rng (each test draws the groups and takes its own); titles, names and points are fixed,
// and so are the small hand-made instances.
const small = { title: "1 to 3 points, and a single label", points: 3, instances: smallInstances() };
const groups = [...hiddenGroups(), small];

export default defineTests(
  groups.flatMap((g, gi) =>
    g.instances.map((inst, ii) => ({
      name: `buildNet: ${g.title}: ${inst.name}`,
      points: g.points / g.instances.length,
      run: (s: Student, ctx: TestContext) => solvedOne(s, g === small ? inst : hiddenGroups(ctx.rng())[gi]!.instances[ii]!),
    })),
  ),
);
