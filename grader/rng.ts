// Seeded, deterministic random numbers for tests and numeric questions: the same seed gives the
// same sequence on every machine and Node version (sfc32 on 32-bit integer math only).
import { createHash, randomBytes } from "node:crypto";

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer uniform in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal (mean 0, variance 1), Box-Muller. */
  normal(): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

/** A fresh grading seed: 128 random bits as hex (see TestContext). */
export function newGradingSeed(): string {
  return randomBytes(16).toString("hex");
}

/** A 128-bit seed as four 32-bit words, derived from any strings (course, assignment, question, student...). */
export function seedFrom(...parts: string[]): number[] {
  const h = createHash("sha256");
  // Length-prefix each part so ("ab","c") and ("a","bc") give different seeds.
  for (const p of parts) h.update(`${Buffer.byteLength(p)}:${p};`);
  const d = h.digest();
  return [d.readUInt32LE(0), d.readUInt32LE(4), d.readUInt32LE(8), d.readUInt32LE(12)];
}

/** A generator from a seed: a number, a string (hashed), or four words from seedFrom. */
export function createRng(seed: number | string | readonly number[]): Rng {
  const words =
    typeof seed === "string" ? seedFrom(seed) : typeof seed === "number" ? seedFrom(String(seed)) : [seed[0] ?? 0, seed[1] ?? 0, seed[2] ?? 0, seed[3] ?? 0];
  let a = words[0]! >>> 0;
  let b = words[1]! >>> 0;
  let c = words[2]! >>> 0;
  let d = words[3]! >>> 0;
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 15; i++) u32(); // mix weak seeds
  let spare: number | null = null;
  const rng: Rng = {
    // 53 random bits so every double in [0, 1) on the grid 2^-53 is reachable.
    next: () => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992,
    int(lo, hi) {
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
        throw new RangeError(`int(lo, hi) needs integers with lo <= hi, got ${lo}, ${hi}`);
      }
      return lo + Math.floor(rng.next() * (hi - lo + 1));
    },
    uniform: (lo, hi) => lo + (hi - lo) * rng.next(),
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = rng.next();
      const v = rng.next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    pick(items) {
      if (items.length === 0) throw new RangeError("pick() needs a non-empty array");
      return items[Math.floor(rng.next() * items.length)]!;
    },
  };
  return rng;
}
