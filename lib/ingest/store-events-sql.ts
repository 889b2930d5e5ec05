// The statement that stores a batch of events (DESIGN.md 4, 6, 8): insert
// the events idempotently, and from the newly inserted rows only, append
// their hourly totals (by customer as well) to the rollup deltas, which
// lib/rollups/compact-rollups.ts folds into the rollups without holding up
// ingest, and add to the ledgers of every budget the event falls under
// (period in the organisation's time zone), raising the budget alerts their
// new totals reach. Ledger rows are written in key order so concurrent
// batches lock them in the same order. One statement: without reservations
// to settle or teams to create, a batch is stored in one round trip, and
// the ledger locks are held only until that statement commits.
import { EVENT_COLUMNS } from "./event-row";
import { storeSql, unnestInput } from "./store-rows";
import { budgetAlertCtes } from "@/lib/alerts/detect-budget-alerts";
import { NOTIFY_BUDGET_CHANGE } from "@/lib/policy/budget-notify";
import { HOLDS_OF } from "@/lib/policy/reserve-sql";
import { ledgerUpsertSql } from "@/lib/policy/ledger-upsert-sql";
import { readsCte } from "@/lib/sql-reads-cte";
import { MEASURES, MEASURES_OF_EVENTS, ROLLUP_KEY } from "@/lib/rollups/rollup-columns";

const STORED = EVENT_COLUMNS.filter(([c]) => c !== "team_slug").map(([c]) => c);

const LEDGERS = ledgerUpsertSql("ins", "cost_usd");

export const STORE_EVENTS_SQL = storeSql(
  (onConflict) => `
WITH input AS (${unnestInput(EVENT_COLUMNS)}),
ins AS (
  INSERT INTO usage_events (${STORED.join(", ")}, team_id)
  SELECT ${STORED.map((c) => `x.${c}`).join(", ")}, t.id
    FROM input x JOIN teams t ON t.org_id = x.org_id AND t.slug = x.team_slug
  ${onConflict}
  RETURNING org_id, event_id, ts, team_id, feature, provider, model, priced_model, api_key_id, status, cache_hit, unpriced,
            input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, reasoning_tokens, cost_usd, saved_usd,
            value_usd, latency_ms, customer_id
),
deltas AS (
  INSERT INTO usage_rollup_deltas (${ROLLUP_KEY.join(", ")}, customer_id, ${MEASURES.join(", ")})
  SELECT org_id, date_trunc('hour', ts, 'UTC'), team_id, feature, provider, model, customer_id, ${MEASURES_OF_EVENTS.join(", ")}
    FROM ins GROUP BY 1, 2, 3, 4, 5, 6, 7
),
ledgers AS (${LEDGERS}),
notified AS (${NOTIFY_BUDGET_CHANGE("ledgers")}),
${budgetAlertCtes("ledgers")}
SELECT i.org_id, i.event_id AS id
  FROM ins i ${readsCte("notified")} ${readsCte("alerts_notified")}`,
  "(org_id, event_id)",
);

/**
 * Settles the reservations that newly stored events name: the actual cost
 * replaces the estimate, so the holds leave the ledgers (the spend itself was
 * added with the event). An expired or already settled reservation is left
 * as it is. An unpriced event ($4) was added at cost 0, but its cost is
 * unknown, not nothing (DOMAIN.md): its reservation's estimate moves from
 * reserved to spent on the held ledgers, else every settled hold would free
 * room and a hard cap would allow unlimited calls to an unpriced model. Its
 * actual_usd stays NULL, which marks that estimate as standing in for the
 * cost: re-pricing (REPLACE_SETTLED_ESTIMATES_SQL) takes it off again when
 * the event gets its price.
 */
export const SETTLE_RESERVATIONS_SQL = `
WITH settled AS (
  UPDATE reservations r SET status = 'settled', actual_usd = CASE WHEN s.unpriced THEN NULL ELSE s.cost END, settled_at = now()
    FROM (SELECT DISTINCT ON (org_id, rid) org_id, rid, cost, unpriced
            FROM unnest($1::text[], $2::text[], $3::numeric[], $4::boolean[]) AS x(org_id, rid, cost, unpriced)) s
   WHERE r.org_id = s.org_id AND r.id = s.rid AND r.status = 'held'
  RETURNING r.org_id, r.estimate_usd, r.hold_budget_ids, r.hold_period_starts, s.unpriced
),
released AS (
  UPDATE budget_ledgers l SET reserved_usd = greatest(l.reserved_usd - h.total, 0), spent_usd = l.spent_usd + h.unpriced_total, updated_at = now()
    FROM (SELECT s.org_id, h.budget_id, h.period_start, sum(s.estimate_usd) AS total,
                 coalesce(sum(s.estimate_usd) FILTER (WHERE s.unpriced), 0) AS unpriced_total
            FROM ${HOLDS_OF("settled", "s")} GROUP BY 1, 2, 3) h
   WHERE l.org_id = h.org_id AND l.budget_id = h.budget_id AND l.period_start = h.period_start
  RETURNING l.org_id
)
${NOTIFY_BUDGET_CHANGE("released")}`;
