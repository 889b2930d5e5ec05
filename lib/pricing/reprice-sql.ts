// Statements of re-pricing (reprice-unpriced.ts). Like an ingest batch
// (lib/ingest/store-events-sql.ts), a chunk updates ledgers with the same
// statement (lib/policy/ledger-upsert-sql.ts), rows written in key order (so
// a re-pricing and an ingest batch lock shared rows in the same order), and
// raises the budget alerts the ledgers' new totals reach. The rollups of an
// event already folded get its cost as a delta; an unfolded event's new cost
// is folded with it (the chunk holds the compaction lock, so which events are
// folded cannot change under it).
import { budgetAlertCtes } from "@/lib/alerts/detect-budget-alerts";
import { NOTIFY_BUDGET_CHANGE } from "@/lib/policy/budget-notify";
import { ledgerUpsertSql } from "@/lib/policy/ledger-upsert-sql";
import { HOLDS_OF } from "@/lib/policy/reserve-sql";
import { DAILY_ROLLUP, UNFOLDED_EVENTS } from "@/lib/rollups/rollup-sources";

/**
 * The (provider, model) pairs of the organisation's unpriced events, with the
 * end of the last day that held one (no earlier than its latest unpriced
 * event), read from the daily rollups rather than the events.
 */
export const UNPRICED_PAIRS_SQL = `
SELECT provider, model, max(bucket) FILTER (WHERE unpriced_events > 0) + interval '1 day' AS last_ts
  FROM ${DAILY_ROLLUP} d WHERE org_id = $1
 GROUP BY provider, model HAVING sum(unpriced_events) > 0`;

/** Organisations with unpriced events (from the daily rollups). */
export const ORGS_WITH_UNPRICED_SQL = `
SELECT org_id FROM ${DAILY_ROLLUP} d GROUP BY org_id HAVING sum(unpriced_events) > 0`;

/**
 * The next chunk of unpriced events of the candidate pairs after the cursor
 * ($4..$7 = provider, model, ts, event_id), locked; rows a concurrent
 * re-pricing holds are skipped (it prices them).
 */
export const LOCK_CHUNK_SQL = `
SELECT event_id, reservation_id, ts, provider, model, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens,
       reasoning_tokens, cost_usd::text AS cost_usd
  FROM usage_events
 WHERE org_id = $1 AND unpriced
   AND (provider, model) IN (SELECT * FROM unnest($2::text[], $3::text[]))
   AND (provider, model, ts, event_id) > ($4::text, $5::text, $6::timestamptz, $7::text)
 ORDER BY provider, model, ts, event_id
 LIMIT $8
   FOR UPDATE SKIP LOCKED`;

/** Each folded event's cost delta, one unpriced event fewer, as rollup deltas (the next fold adds them). */
const DELTAS = `INSERT INTO usage_rollup_deltas (org_id, bucket, team_id, feature, provider, model, customer_id, unpriced_events, cost_usd)
    SELECT org_id, date_trunc('hour', ts, 'UTC'), team_id, feature, provider, model, customer_id, -count(*), sum(delta_usd)
      FROM upd WHERE NOT coalesce(${UNFOLDED_EVENTS}, false) GROUP BY 1, 2, 3, 4, 5, 6, 7`;

const LEDGERS = ledgerUpsertSql("upd", "delta_usd");

/**
 * Prices the given events ($2..$6: event_id, cost_usd, delta_usd,
 * cost_source, priced_model) if they are still unpriced, and adds each
 * folded event's cost delta to the rollups (one unpriced event fewer), each
 * event's to the
 * ledger of every budget it falls under, notifying the processes that hold
 * budget state, and raises the alerts the spend now known reaches. Returns
 * the number of events priced.
 */
export const APPLY_CHUNK_SQL = `
WITH input AS (
  SELECT * FROM unnest($2::text[], $3::numeric[], $4::numeric[], $5::text[], $6::text[])
    AS x(event_id, cost_usd, delta_usd, cost_source, priced_model)
),
upd AS (
  UPDATE usage_events e
     SET cost_usd = x.cost_usd, cost_source = x.cost_source, priced_model = x.priced_model, unpriced = false
    FROM input x
   WHERE e.org_id = $1 AND e.event_id = x.event_id AND e.unpriced
  RETURNING e.org_id, e.ts, e.team_id, e.feature, e.provider, e.model, e.customer_id, e.priced_model, e.api_key_id, e.ingest_xid, x.delta_usd
),
deltas AS (${DELTAS}),
ledgers AS (${LEDGERS}),
notified AS (${NOTIFY_BUDGET_CHANGE("ledgers")}),
${budgetAlertCtes("ledgers")}
SELECT (SELECT count(*)::int FROM upd) AS repriced, (SELECT count(*) FROM notified) AS notified,
       (SELECT count(*) FROM alerts_notified) AS alerts_notified`;

/**
 * Run in a chunk's transaction before APPLY_CHUNK_SQL: the reservations that
 * events of the chunk settled while unpriced (actual_usd NULL) had their
 * estimates added to the spend of their held ledgers in place of the unknown
 * cost (lib/ingest/store-events-sql.ts, SETTLE_RESERVATIONS_SQL). The real
 * cost is now added with the event, so each estimate comes off again (the
 * ledgers end at the real cost, counted once) and the reservation records
 * that cost. First, so the alerts APPLY_CHUNK_SQL raises see the real totals.
 * $1 organisation; $2-$3 the settling events' reservation ids and new costs.
 */
export const REPLACE_SETTLED_ESTIMATES_SQL = `
WITH replaced AS (
  UPDATE reservations r SET actual_usd = x.cost_usd
    FROM unnest($2::text[], $3::numeric[]) AS x(id, cost_usd)
   WHERE r.org_id = $1 AND r.id = x.id AND r.status = 'settled' AND r.actual_usd IS NULL
  RETURNING r.org_id, r.estimate_usd, r.hold_budget_ids, r.hold_period_starts
),
unspent AS (
  UPDATE budget_ledgers l SET spent_usd = l.spent_usd - h.total, updated_at = now()
    FROM (SELECT s.org_id, h.budget_id, h.period_start, sum(s.estimate_usd) AS total
            FROM ${HOLDS_OF("replaced", "s")} GROUP BY 1, 2, 3) h
   WHERE l.org_id = h.org_id AND l.budget_id = h.budget_id AND l.period_start = h.period_start
  RETURNING l.org_id
)
${NOTIFY_BUDGET_CHANGE("unspent")}`;
