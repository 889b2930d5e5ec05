// Seeded randomness for the demo generator: the same seed gives the same
// data on every machine (integer arithmetic only where it matters).

export type Random = () => number;

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Standard normal variate (Box–Muller). */
export function gaussian(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Log-normal around a median: most values near it, a long right tail. */
export function aroundMedian(random: Random, median: number, sigma = 0.5): number {
  return Math.max(1, Math.round(median * Math.exp(sigma * gaussian(random))));
}

/** Picks an index with probability proportional to its weight. */
export function pickWeighted(random: Random, cumulative: readonly number[]): number {
  const target = random() * cumulative[cumulative.length - 1];
  for (let i = 0; i < cumulative.length; i++) if (target < cumulative[i]) return i;
  return cumulative.length - 1;
}

export function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** murmur3 finaliser: a bijection on 32-bit integers. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A 16-hex-digit stand-in for a prompt hash. Distinct (a, b) pairs give
 * distinct strings, since each half is a bijection of one input.
 */
export function hash64(a: number, b: number): string {
  return fmix32(a).toString(16).padStart(8, "0") + fmix32(b).toString(16).padStart(8, "0");
}
