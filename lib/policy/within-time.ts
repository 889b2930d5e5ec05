// The policy endpoint must answer within 100 ms even when PostgreSQL hangs:
// its storage work is time-boxed, and a timeout counts as storage unreachable.
export const POLICY_DB_TIMEOUT_MS = Number(process.env.POLICY_DB_TIMEOUT_MS ?? 80);

export class StorageTimeout extends Error {}

export function withinTime<T>(work: Promise<T>, ms = POLICY_DB_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageTimeout("policy storage timed out")), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
