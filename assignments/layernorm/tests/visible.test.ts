// Visible tests: students see their names, inputs and failure messages.
import { allClose, allCloseOk, assertThrows, defineTests, fail } from "../../../grader/testing";
import { refGroupNorm, refLayerNorm, refRmsNorm, TOL } from "./reference";

export default defineTests([
  {
    name: "layerNorm of [1, 2, 3]",
    points: 1,
    run: async (student) => {
      allClose(await student.call("layerNorm", [1, 2, 3]), refLayerNorm([1, 2, 3]), TOL);
    },
  },
  {
    name: "layerNorm with gamma and beta",
    points: 1,
    run: async (student) => {
      const x = [2, -1, 0.5, 4];
      const gamma = [1, 2, 0.5, -1];
      const beta = [0, 1, -1, 0.25];
      allClose(await student.call("layerNorm", x, gamma, beta), refLayerNorm(x, gamma, beta), TOL);
    },
  },
  {
    name: "rmsNorm of [3, 4]",
    points: 1,
    run: async (student) => {
      allClose(await student.call("rmsNorm", [3, 4]), refRmsNorm([3, 4]), TOL);
    },
  },
  {
    name: "groupNorm of [1, 2, 3, 4, 10, 20] in 2 groups",
    points: 1,
    run: async (student) => {
      const x = [1, 2, 3, 4, 10, 20];
      allClose(await student.call("groupNorm", x, 2), refGroupNorm(x, 2), TOL);
    },
  },
  {
    name: "groupNorm rejects 4 groups for 6 values with a RangeError",
    points: 1,
    run: async (student) => {
      // Only a groupNorm that works on valid input earns points for rejecting invalid input.
      if (!allCloseOk(await student.call("groupNorm", [1, 2, 3, 4, 5, 6], 3), refGroupNorm([1, 2, 3, 4, 5, 6], 3), TOL)) {
        fail("groupNorm([1, 2, 3, 4, 5, 6], 3) must be right before its error handling is graded");
      }
      await assertThrows(() => student.call("groupNorm", [1, 2, 3, 4, 5, 6], 4), "RangeError");
    },
  },
]);
