// Trusted LN-Net checks for the graders (never the student's code): structure and width limits,
// the forward pass (normalization without affine parameters, eps = 1e-5), margins and depth.

export type Layer = { W: number[][]; b: number[] };
export type LNNet = { norm: "layer" | "rms"; hidden: Layer[]; head: { w: number[]; b: number } };

export const NORM_EPS = 1e-5;
/** Widest hidden layer each normalization may use in this course's constructions. */
export const MAX_WIDTH = { layer: 3, rms: 2 } as const;
/** Refuse absurdly deep nets so a verification always ends quickly. */
export const MAX_DEPTH = 256;

function normalize(z: number[], norm: "layer" | "rms"): number[] {
  const d = z.length;
  if (norm === "rms") {
    let ms = 0;
    for (const v of z) ms += v * v;
    const r = Math.sqrt(ms / d + NORM_EPS);
    return z.map((v) => v / r);
  }
  let mean = 0;
  for (const v of z) mean += v;
  mean /= d;
  let variance = 0;
  for (const v of z) variance += (v - mean) * (v - mean);
  variance /= d;
  const r = Math.sqrt(variance + NORM_EPS);
  return z.map((v) => (v - mean) / r);
}

/** The trusted forward pass: h ← norm(W·h + b) per hidden layer, then w·h + b. */
export function forwardLNNet(net: LNNet, x: number[]): number {
  let h = x.slice();
  for (const layer of net.hidden) {
    const z = layer.W.map((row, i) => {
      let s = layer.b[i]!;
      for (let j = 0; j < row.length; j++) s += row[j]! * h[j]!;
      return s;
    });
    h = normalize(z, net.norm);
  }
  let out = net.head.b;
  for (let j = 0; j < h.length; j++) out += net.head.w[j]! * h[j]!;
  return out;
}

/** Number of hidden (normalization) layers. */
export function netDepth(net: LNNet): number {
  return net.hidden.length;
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isNumArray = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every(isNum);

export interface NetLimits {
  /** Only this normalization is accepted (default: either). */
  norm?: "layer" | "rms";
  /** Widest allowed hidden layer (default: MAX_WIDTH of the net's norm). */
  maxWidth?: number;
  inputDim?: number;
}

/**
 * Why `value` is not a valid LN-Net within the limits, or null when it is one. Checks the shape
 * (every number finite, every matrix consistent with the previous width), the norm and the widths.
 */
export function netProblem(value: unknown, limits: NetLimits = {}): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "the net must be an object { norm, hidden, head }";
  const net = value as Record<string, unknown>;
  if (net.norm !== "layer" && net.norm !== "rms") return `norm must be "layer" or "rms", got ${JSON.stringify(net.norm)}`;
  if (limits.norm !== undefined && net.norm !== limits.norm) return `this net must use norm "${limits.norm}", got "${net.norm}"`;
  const maxWidth = limits.maxWidth ?? MAX_WIDTH[net.norm];
  if (!Array.isArray(net.hidden)) return "hidden must be an array of layers";
  if (net.hidden.length > MAX_DEPTH) return `at most ${MAX_DEPTH} hidden layers, got ${net.hidden.length}`;
  let width = limits.inputDim ?? 2;
  for (let l = 0; l < net.hidden.length; l++) {
    const layer = net.hidden[l] as Record<string, unknown> | null;
    if (typeof layer !== "object" || layer === null) return `hidden[${l}] must be an object { W, b }`;
    const W = layer.W;
    if (!Array.isArray(W) || W.length === 0) return `hidden[${l}].W must be a non-empty matrix`;
    if (W.length > maxWidth) return `hidden[${l}] has width ${W.length}; the limit for norm "${net.norm}" is ${maxWidth}`;
    for (let i = 0; i < W.length; i++) {
      if (!isNumArray(W[i], width)) return `hidden[${l}].W[${i}] must hold ${width} finite numbers`;
    }
    if (!isNumArray(layer.b, W.length)) return `hidden[${l}].b must hold ${W.length} finite numbers`;
    width = W.length;
  }
  const head = net.head as Record<string, unknown> | null;
  if (typeof head !== "object" || head === null) return "head must be an object { w, b }";
  if (!isNumArray(head.w, width)) return `head.w must hold ${width} finite numbers`;
  if (!isNum(head.b)) return "head.b must be a finite number";
  return null;
}

/** How many of the labelled points the net classifies with label·score ≥ margin. */
export function countCorrect(net: LNNet, points: number[][], labels: number[], margin: number): number {
  let ok = 0;
  points.forEach((x, i) => {
    const s = forwardLNNet(net, x);
    if (Number.isFinite(s) && labels[i]! * s >= margin) ok++;
  });
  return ok;
}

/** The smallest label·score over the points (negative when a point is misclassified). */
export function minMargin(net: LNNet, points: number[][], labels: number[]): number {
  let m = Infinity;
  points.forEach((x, i) => {
    const s = forwardLNNet(net, x);
    m = Math.min(m, Number.isFinite(s) ? labels[i]! * s : -Infinity);
  });
  return m;
}
