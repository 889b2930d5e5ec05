// The policy endpoint must answer within 100 ms when PostgreSQL cannot be
// reached, following each budget's fail mode, without mistaking a busy
// database for a dead one (a burst of reserving checks answered "degraded"
// would wave calls through fail-open budgets past their caps). A hung
// database (a network partition, a stuck server) gives no error to react to,
// so a check's waits for storage are bounded together: after
// POLICY_DB_TIMEOUT_MS it keeps waiting only while PostgreSQL shows progress,
// i.e. has answered this process within the last PROGRESS_WITHIN_MS and since
// the check began waiting (a database that hung a moment ago did answer
// before). A probe (storage-probe.ts) asks for that sign of life while the
// check waits. So every check that begins after PostgreSQL stopped answering
// gets its degraded answer after POLICY_DB_TIMEOUT_MS; a busy database is
// waited for, up to POLICY_DB_BUSY_TIMEOUT_MS.
//
// Work that ran out of time is not cancelled, and never sent again: loads
// still fill this process's caches when they complete, and a reserving batch
// still in flight commits once. A hold it commits after its caller got a
// degraded answer has a reservation id that nobody knows, so no event settles
// it: it counts against its budgets (stricter, never a cap exceeded) until it
// expires (RESERVATION_TTL_SECONDS).
import { lastDbActivity } from "@/lib/db";
import { millisecondsSetting } from "@/lib/env";
import { probeStorage } from "./storage-probe";

export const POLICY_DB_TIMEOUT_MS = millisecondsSetting("POLICY_DB_TIMEOUT_MS", 80);
const BUSY_TIMEOUT_MS = millisecondsSetting("POLICY_DB_BUSY_TIMEOUT_MS", 5_000);
/** How often a waiting check asks for, and looks for, a sign of life. */
const PROBE_EVERY_MS = POLICY_DB_TIMEOUT_MS / 2;
/** A sign of life older than this is stale (a loaded machine may take this long to answer a probe). */
const PROGRESS_WITHIN_MS = 250;

export class StorageTimeout extends Error {}

/**
 * PostgreSQL is getting on with this process's work: it has answered since
 * `since` and within PROGRESS_WITHIN_MS, or it has never been reached yet (no
 * fail modes are known then; an unreachable server fails with a connection
 * error, which counts as unreachable on its own).
 */
function progressing(since: number, now: number): boolean {
  const last = lastDbActivity();
  return last === 0 || (last >= since && now - last <= PROGRESS_WITHIN_MS);
}

/**
 * The storage waits of one policy check (its key, organisation, budget
 * state, trace and reservation), bounded together from the first: a check
 * needing several reads does not get POLICY_DB_TIMEOUT_MS for each.
 */
export class StorageDeadline {
  private startedAt: number | null = null;

  /** `work`, or StorageTimeout once the check's time for storage is up and PostgreSQL shows no progress. */
  async within<T>(work: Promise<T>): Promise<T> {
    const startedAt = (this.startedAt ??= Date.now());
    const leftAt = (now: number) => startedAt + POLICY_DB_TIMEOUT_MS - now;
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const expired = new Promise<never>((_, reject) => {
      // decided after the loop's pending I/O (setImmediate): when this process itself was busy, an
      // answer that arrived meanwhile is seen before a timer that fired late is taken for a hang
      const wait = (ms: number) => {
        timer = setTimeout(() => setImmediate(decide), ms);
      };
      const decide = () => {
        if (done) return;
        const now = Date.now();
        const left = leftAt(now);
        if (left <= 0 && (now - startedAt >= BUSY_TIMEOUT_MS || !progressing(startedAt, now))) {
          reject(new StorageTimeout("policy storage timed out"));
          return;
        }
        probeStorage();
        wait(left > 0 ? Math.min(PROBE_EVERY_MS, left) : PROBE_EVERY_MS);
      };
      wait(Math.max(0, Math.min(PROBE_EVERY_MS, leftAt(Date.now()))));
    });
    try {
      return await Promise.race([work, expired]);
    } finally {
      done = true;
      clearTimeout(timer);
    }
  }
}
