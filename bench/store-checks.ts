// Checks that what ingest stored is consistent: rollups (as read: folded
// rows plus events and deltas not folded yet) and budget ledgers equal the stored events
// exactly (DESIGN.md 4, 6).
import type pg from "pg";
import { MEASURES, MEASURES_OF_EVENTS, SUMMED_MEASURES } from "@/lib/rollups/rollup-columns";
import { DAILY_ROLLUP, HOURLY_ROLLUP, UNFOLDED_EVENTS } from "@/lib/rollups/rollup-sources";

/** Rollup rows of `grain` that differ from the events they should sum (missing or extra rows included). */
export async function rollupMismatches(db: pg.ClientBase, grain: "hour" | "day"): Promise<number> {
  const source = grain === "hour" ? HOURLY_ROLLUP : DAILY_ROLLUP;
  const key = "org_id, bucket, team_id, feature, provider, model";
  const { rows } = await db.query<{ n: string }>(`
    SELECT count(*) AS n FROM (
      SELECT org_id, date_trunc('${grain}', ts, 'UTC') AS bucket, team_id, feature, provider, model,
             ${MEASURES_OF_EVENTS.join(", ")}
        FROM usage_events GROUP BY 1, 2, 3, 4, 5, 6) e
    FULL JOIN (SELECT ${key}, ${SUMMED_MEASURES.join(", ")} FROM ${source} s GROUP BY ${key}) r
      USING (${key})
    WHERE (${MEASURES.map((m) => `e.${m}`).join(", ")}) IS DISTINCT FROM (${MEASURES.map((m) => `r.${m}`).join(", ")})`);
  return Number(rows[0].n);
}

export type StoreTotals = { events: number; eventsCost: string; hourlyCost: string; dailyCost: string; orgLedgerCost: string; unfolded: number };

/** Event count and the dollar totals of events, rollups and organisation-wide budget ledgers, as exact strings. */
export async function storeTotals(db: pg.ClientBase): Promise<StoreTotals> {
  const { rows } = await db.query<StoreTotals>(`SELECT
    (SELECT count(*) FROM usage_events)::int AS "events",
    (SELECT coalesce(sum(cost_usd), 0) FROM usage_events)::text AS "eventsCost",
    (SELECT coalesce(sum(cost_usd), 0) FROM ${HOURLY_ROLLUP} h)::text AS "hourlyCost",
    (SELECT coalesce(sum(cost_usd), 0) FROM ${DAILY_ROLLUP} d)::text AS "dailyCost",
    ((SELECT count(*) FROM usage_events WHERE ${UNFOLDED_EVENTS}) + (SELECT count(*) FROM usage_rollup_deltas))::int AS "unfolded",
    (SELECT coalesce(sum(l.spent_usd), 0) FROM budget_ledgers l JOIN budgets b ON b.org_id = l.org_id AND b.id = l.budget_id
      WHERE b.scope_type = 'org')::text AS "orgLedgerCost"`);
  return rows[0];
}
