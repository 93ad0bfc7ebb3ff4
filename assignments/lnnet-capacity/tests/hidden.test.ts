import { defineTests, type Student } from "../../../grader/testing";
import { hiddenGroups, smallInstances } from "./instances";
import { solvedOne } from "./check";

// Each instance is its own test worth its share of its group's points, so a timeout or a crash
// on one instance costs that instance only.
const groups = [...hiddenGroups(), { title: "1 to 3 points, and a single label", points: 3, instances: smallInstances() }];

export default defineTests(
  groups.flatMap((g) =>
    g.instances.map((inst) => ({
      name: `buildNet: ${g.title}: ${inst.name}`,
      points: g.points / g.instances.length,
      run: (s: Student) => solvedOne(s, inst),
    })),
  ),
);
