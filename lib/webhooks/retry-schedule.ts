// When a failed delivery is tried again: after the n-th failed attempt wait
// backoffMs[n - 1]; after the last entry it gives up (status failed). The
// default gives 6 attempts over about 7 hours.
export const DEFAULT_BACKOFF_MS: readonly number[] = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000];

export function maxAttempts(backoffMs: readonly number[]): number {
  return backoffMs.length + 1;
}

/** Milliseconds until the next attempt after `attempts` failed ones, or null to give up. */
export function retryDelayMs(attempts: number, backoffMs: readonly number[] = DEFAULT_BACKOFF_MS): number | null {
  if (attempts > backoffMs.length) return null;
  return backoffMs[Math.max(attempts, 1) - 1];
}
