import { pool } from "@/lib/db";
import { withTransaction } from "@/lib/ingest/with-transaction";
import { repeater } from "@/lib/time/repeat";
import { NOTIFY_BUDGET_CHANGE } from "./budget-notify";
import { HOLDS_OF } from "./reserve-sql";

/**
 * Expires reservations whose time is up and takes their holds off the
 * ledgers. Idempotent; safe to run from several processes at once.
 */
export async function expireReservations(): Promise<number> {
  return withTransaction(pool(), async (client) => {
    const { rows } = await client.query<{ expired: string }>(
      `WITH expired AS (
         UPDATE reservations SET status = 'expired'
          WHERE (org_id, id) IN (SELECT org_id, id FROM reservations WHERE status = 'held' AND expires_at <= now()
                                  ORDER BY org_id, id LIMIT 10000 FOR UPDATE SKIP LOCKED)
         RETURNING org_id, id, estimate_usd, hold_budget_ids, hold_period_starts
       ),
       released AS (
         UPDATE budget_ledgers l SET reserved_usd = greatest(l.reserved_usd - h.total, 0), updated_at = now()
           FROM (SELECT e.org_id, h.budget_id, h.period_start, sum(e.estimate_usd) AS total
                   FROM ${HOLDS_OF("expired", "e")} GROUP BY 1, 2, 3) h
          WHERE l.org_id = h.org_id AND l.budget_id = h.budget_id AND l.period_start = h.period_start
         RETURNING l.org_id
       ),
       notified AS (${NOTIFY_BUDGET_CHANGE("released")})
       SELECT (SELECT count(*) FROM expired)::text AS expired, (SELECT count(*) FROM notified) AS notified`,
    );
    return Number(rows[0].expired);
  });
}

const sweeper = repeater("reservation expiry", expireReservations, 15_000);

/** Runs the expiry every `everyMs` in this process (the server starts it). */
export const startReservationSweeper = (everyMs?: number): void => sweeper.start(everyMs);
export const stopReservationSweeper = (): void => sweeper.stop();
