// Trusted instances of the capacity challenge: labelled point sets in general position in the
// plane (no three points nearly collinear, no two nearly equal), deterministic for a seed.
import { createRng, type Rng } from "../../../grader/rng";

export interface Instance {
  name: string;
  points: number[][];
  labels: number[];
}

/** Twice the area of the triangle abc. */
function area2(a: number[], b: number[], c: number[]): number {
  return (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
}

export function inGeneralPosition(points: number[][], minDist = 0.05, minArea2 = 2e-3): boolean {
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (Math.hypot(points[i]![0]! - points[j]![0]!, points[i]![1]! - points[j]![1]!) < minDist) return false;
      for (let k = j + 1; k < points.length; k++) if (Math.abs(area2(points[i]!, points[j]!, points[k]!)) < minArea2) return false;
    }
  }
  return true;
}

/**
 * Whether a line separates the labels. For finitely many points a separating line can be turned
 * until it touches a point of each side, so it suffices to test the directions of all point
 * differences, turned by ±90° and nudged a little either way.
 */
export function linearlySeparable(points: number[][], labels: number[]): boolean {
  const dirs: number[][] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = 0; j < points.length; j++) {
      if (i === j) continue;
      const a = Math.atan2(points[j]![1]! - points[i]![1]!, points[j]![0]! - points[i]![0]!);
      for (const t of [-1e-7, 1e-7]) dirs.push([Math.cos(a + Math.PI / 2 + t), Math.sin(a + Math.PI / 2 + t)]);
    }
  }
  dirs.push([1, 0], [0, 1]);
  for (const w of dirs) {
    let minPos = Infinity;
    let maxNeg = -Infinity;
    points.forEach((p, i) => {
      const v = w[0]! * p[0]! + w[1]! * p[1]!;
      if (labels[i]! > 0) minPos = Math.min(minPos, v);
      else maxNeg = Math.max(maxNeg, v);
    });
    if (minPos > maxNeg || -maxNeg > -minPos) return true;
  }
  return false;
}

function randomPoints(rng: Rng, m: number, box = 1): number[][] {
  for (;;) {
    const pts = Array.from({ length: m }, () => [rng.uniform(-box, box), rng.uniform(-box, box)]);
    if (inGeneralPosition(pts, 0.05 * box, 2e-3 * box * box)) return pts;
  }
}

/** Random ±1 labels that no line separates (the instances where normalization layers must work). */
export function hardInstance(rng: Rng, m: number, name: string, box = 1): Instance {
  for (;;) {
    const points = randomPoints(rng, m, box);
    for (let tries = 0; tries < 50; tries++) {
      const labels = points.map(() => (rng.next() < 0.5 ? 1 : -1));
      if (!linearlySeparable(points, labels)) return { name, points, labels };
    }
  }
}

/** m points on a slightly irregular convex polygon with alternating labels: the most label changes. */
export function alternatingPolygon(rng: Rng, m: number, name: string): Instance {
  const angles = Array.from({ length: m }, (_, i) => (2 * Math.PI * (i + rng.uniform(-0.2, 0.2))) / m);
  const radius = rng.uniform(0.5, 3);
  const points = angles.map((a) => [radius * Math.cos(a) + 0.3, radius * Math.sin(a) - 0.1]);
  const labels = points.map((_, i) => (i % 2 === 0 ? 1 : -1));
  return { name, points, labels };
}

/** The hidden instances, grouped by what they test; the hidden tests draw them per grading (ctx.rng). */
export function hiddenGroups(rng: Rng = createRng("lnnet-capacity/hidden/v1")): { title: string; points: number; instances: Instance[] }[] {
  const groups: { title: string; points: number; instances: Instance[] }[] = [];
  for (const m of [4, 5, 6, 7, 8]) {
    groups.push({
      title: `${m} points, random labels no line separates`,
      points: 2,
      instances: Array.from({ length: 4 }, (_, i) => hardInstance(rng, m, `random-${m}-${i}`)),
    });
  }
  groups.push({
    title: "convex polygons with alternating labels (6 to 8 points)",
    points: 3,
    instances: [6, 7, 8, 8].map((m, i) => alternatingPolygon(rng, m, `polygon-${m}-${i}`)),
  });
  groups.push({
    title: "8 points at other scales (a box of side 0.02 and of side 200)",
    points: 2,
    instances: [hardInstance(rng, 8, "small-box", 0.01), hardInstance(rng, 8, "large-box", 100)],
  });
  return groups;
}

/**
 * Small and degenerate instances, fixed by hand: one point, a single label (the head alone must
 * do, with a finite bias), two and three points (always separable by a line: zero layers suffice).
 */
export function smallInstances(): Instance[] {
  return [
    { name: "one-point", points: [[0.3, -0.7]], labels: [-1] },
    {
      name: "one-label-negative",
      points: [
        [0, 0],
        [1, 0.2],
        [0.4, 1.1],
        [-0.8, 0.5],
        [0.2, -0.9],
      ],
      labels: [-1, -1, -1, -1, -1],
    },
    {
      name: "one-label-positive",
      points: [
        [2, 1.3],
        [-1, 3],
        [0.5, -2],
        [4, 4.2],
        [-3, -1],
        [1, 0.1],
        [-2, 2.5],
        [3, -3],
      ],
      labels: [1, 1, 1, 1, 1, 1, 1, 1],
    },
    {
      name: "two-points",
      points: [
        [0.1, 0.1],
        [0.9, 1.3],
      ],
      labels: [1, -1],
    },
    {
      name: "three-points",
      points: [
        [0, 0],
        [2, 0.1],
        [1, 1.5],
      ],
      labels: [1, -1, 1],
    },
    {
      name: "three-points-tiny",
      points: [
        [0.001, 0],
        [0.003, 0.0005],
        [0.002, 0.002],
      ],
      labels: [-1, 1, -1],
    },
  ];
}
