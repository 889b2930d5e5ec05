// While a policy check waits for PostgreSQL, a trivial query on a connection
// of its own tells a busy database (it answers at once, even while the
// check's statements wait for locks or a pool connection) from a hung one (it
// does not answer either). Its answer counts as activity (lastDbActivity),
// like any query given back to a pool.
import { probePool } from "@/lib/db";

let inFlight = false;

/** Asks PostgreSQL for a sign of life, unless a probe is already waiting for one. */
export function probeStorage(): void {
  if (inFlight) return;
  inFlight = true;
  probePool()
    .query("SELECT 1")
    .catch(() => undefined)
    .finally(() => {
      inFlight = false;
    });
}
