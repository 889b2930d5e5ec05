import type pg from "pg";
import { parseUsd } from "@/lib/money";

type Queryable = Pick<pg.Pool, "query">;

/**
 * Steps and cost a trace has used so far: its stored events plus its live
 * reservations, but for `exceptReservations` (a reserving batch's own, not decided yet).
 */
export async function traceUsage(db: Queryable, orgId: string, traceId: string, exceptReservations: string[] = []): Promise<{ steps: number; cost: bigint }> {
  const { rows } = await db.query<{ steps: string; cost: string }>(
    `SELECT (SELECT count(*) FROM usage_events WHERE org_id = $1 AND trace_id = $2)
          + (SELECT count(*) FROM reservations WHERE org_id = $1 AND trace_id = $2 AND status = 'held' AND expires_at > now() AND id <> ALL($3::text[])) AS steps,
            ((SELECT coalesce(sum(cost_usd), 0) FROM usage_events WHERE org_id = $1 AND trace_id = $2)
          + (SELECT coalesce(sum(estimate_usd), 0) FROM reservations WHERE org_id = $1 AND trace_id = $2 AND status = 'held' AND expires_at > now() AND id <> ALL($3::text[])))::text AS cost`,
    [orgId, traceId, exceptReservations],
  );
  return { steps: Number(rows[0].steps), cost: parseUsd(rows[0].cost) };
}
