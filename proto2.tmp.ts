import { train } from "./assignments/group-ln-random-labels/solution";
import { createRng } from "./grader/rng";
const [m, d, k, steps, lr] = process.argv.slice(2).map(Number);
const t0 = Date.now();
let bad = 0; let minGap = 1;
for (let trial = 0; trial < 25; trial++) {
  const means = [1, 2, 4].map((G) => {
    let s = 0;
    for (let r = 0; r < 3; r++) {
      const rng = createRng(`t${trial}/${r}`);
      const X = Array.from({ length: m! }, () => Array.from({ length: d! }, () => rng.normal()));
      const y = X.map(() => (rng.next() < 0.5 ? -1 : 1));
      s += train({ X, y, width: k!, groups: G, steps: steps!, lr: lr!, seed: 1000 * trial + r }).fittedFraction / 3;
    }
    return s;
  });
  const gap = Math.min(means[1]! - means[0]!, means[2]! - means[1]!);
  minGap = Math.min(minGap, means[2]! - means[0]!);
  if (gap <= 0) bad++;
  if (trial < 5) console.log(means.map((x) => x.toFixed(3)).join(" "));
}
console.log("nonmonotone", bad, "min gap 4-1", minGap.toFixed(3), "ms", Date.now() - t0);
