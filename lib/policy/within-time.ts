// The policy endpoint must answer within 100 ms when PostgreSQL cannot be
// reached, without mistaking a busy database for a dead one: work that takes
// longer than POLICY_DB_TIMEOUT_MS counts as "storage unreachable" only when
// PostgreSQL has done nothing for this process for a while (lastDbActivity). While other work still
// completes, a slow answer is waited for (up to a longer bound), so a burst
// of reserving checks is queued, never waved through on a fail-open budget.
import { lastDbActivity } from "@/lib/db";

export const POLICY_DB_TIMEOUT_MS = Number(process.env.POLICY_DB_TIMEOUT_MS ?? 80);
const BUSY_TIMEOUT_MS = Number(process.env.POLICY_DB_BUSY_TIMEOUT_MS ?? 5_000);
const ALIVE_WITHIN_MS = 1_000;

export class StorageTimeout extends Error {}


function timeout(ms: number): { promise: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageTimeout("policy storage timed out")), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * Dead, not busy: PostgreSQL answered this process before and has done
 * nothing for it since ALIVE_WITHIN_MS. A process that never reached it yet
 * waits instead (an unreachable server then fails fast with a connection
 * error, which counts as unreachable on its own).
 */
function storageLooksDead(): boolean {
  const last = lastDbActivity();
  return last > 0 && Date.now() - last > ALIVE_WITHIN_MS;
}

export async function withinTime<T>(work: Promise<T>): Promise<T> {
  const first = timeout(POLICY_DB_TIMEOUT_MS);
  try {
    return await Promise.race([work, first.promise]);
  } catch (err) {
    if (!(err instanceof StorageTimeout) || storageLooksDead()) throw err;
    const second = timeout(BUSY_TIMEOUT_MS);
    try {
      return await Promise.race([work, second.promise]);
    } finally {
      second.cancel();
    }
  } finally {
    first.cancel();
  }
}
