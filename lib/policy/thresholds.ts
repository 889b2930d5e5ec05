/** Alert thresholds (fractions of the limit, below 1) that `used` has reached, exactly. */
export function reachedThresholds(used: bigint, limit: bigint, thresholds: number[]): number[] {
  return thresholds.filter((t) => t < 1 && used * 10_000n >= BigInt(Math.round(t * 10_000)) * limit);
}
