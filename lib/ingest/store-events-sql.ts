// How a batch of events is stored (DESIGN.md 4, 6, 8). The events go in by
// COPY when every team is known and the group is large enough (COPY_EVENTS
// in ingest-events.ts), else by an INSERT that resolves teams by slug;
// either way a statement-level trigger on usage_events
// (USAGE_UPKEEP_FUNCTION_SQL, installed by a migration) does the upkeep in
// the same statement, from the newly inserted rows only (its transition
// table): add to the ledgers of every budget the event falls under (period
// in the organisation's time zone), raising the budget alerts their new
// totals reach. Ledger rows are written in key order so concurrent batches
// lock them in the same order, and their locks are held only until that
// statement commits. The rollups are not written here: each event records
// the transaction that stored it (ingest_xid, the column's default), and
// lib/rollups/compact-rollups.ts folds the events of ended transactions into
// the rollups without holding up ingest (readers add the unfolded ones,
// rollup-sources.ts). COPY costs PostgreSQL about a quarter less CPU per
// event than INSERT … SELECT FROM unnest(…) (no array parsing, no join, rows
// written in multi-row batches), which is why the upkeep is a trigger rather
// than CTEs of the INSERT.
import { EVENT_COLUMNS } from "./event-row";
import { storeSql, unnestInput } from "./store-rows";
import { budgetAlertCtes } from "@/lib/alerts/detect-budget-alerts";
import { NOTIFY_BUDGET_CHANGE } from "@/lib/policy/budget-notify";
import { HOLDS_OF } from "@/lib/policy/reserve-sql";
import { ledgerUpsertSql } from "@/lib/policy/ledger-upsert-sql";

/** The stored columns of usage_events that a row gives (team_id aside: by slug, or by id for COPY). */
export const STORED_EVENT_COLUMNS = EVENT_COLUMNS.filter(([c]) => c !== "team_slug");
const STORED = STORED_EVENT_COLUMNS.map(([c]) => c);

/** Inserts events, resolving their teams by slug; returns the (org_id, id) of each inserted row. */
export const STORE_EVENTS_SQL = storeSql(
  (onConflict) => `
INSERT INTO usage_events (${STORED.join(", ")}, team_id)
SELECT ${STORED.map((c) => `x.${c}`).join(", ")}, t.id
  FROM (${unnestInput(EVENT_COLUMNS)}) x JOIN teams t ON t.org_id = x.org_id AND t.slug = x.team_slug
${onConflict}
RETURNING org_id, event_id AS id`,
  "(org_id, event_id)",
);

/** COPY of events: the stored columns, then team_id (the row fields COPY_EVENTS writes, in this order). */
export const COPY_EVENTS_SQL = `COPY usage_events (${STORED.join(", ")}, team_id) FROM STDIN`;

/** The trigger function's name, and the setting that skips it (only the demo seeder, which keeps its own rollups). */
export const USAGE_UPKEEP_FUNCTION = "finops_usage_upkeep";
export const SKIP_UPKEEP_SETTING = "finops.skip_usage_upkeep";

const UPKEEP_CTES = `
ledgers AS (${ledgerUpsertSql("ins", "cost_usd")}),
notified AS (${NOTIFY_BUDGET_CHANGE("ledgers")}),
${budgetAlertCtes("ledgers")}`;

/**
 * The upkeep of newly inserted events (`new_rows`, the trigger's transition
 * table), as the function the migration installs. A unit test checks that
 * the latest migration defining it holds exactly this text: change the
 * pieces, and a new migration must carry the new definition.
 */
export const USAGE_UPKEEP_FUNCTION_SQL = `CREATE OR REPLACE FUNCTION ${USAGE_UPKEEP_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $upkeep$
DECLARE
  notifications bigint;
BEGIN
  IF current_setting('${SKIP_UPKEEP_SETTING}', true) = 'on' THEN
    RETURN NULL;
  END IF;
  WITH ins AS (SELECT * FROM new_rows),${UPKEEP_CTES}
  SELECT (SELECT count(*) FROM notified) + (SELECT count(*) FROM alerts_notified) INTO notifications;
  RETURN NULL;
END
$upkeep$`;

/**
 * Settles the reservations that newly stored events name ($5: the key that
 * sent each; a team-bound key cannot settle another team's reservation, which
 * would free that team's hold early): the actual cost
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
    FROM (SELECT DISTINCT ON (org_id, rid) org_id, rid, cost, unpriced, key_id
            FROM unnest($1::text[], $2::text[], $3::numeric[], $4::boolean[], $5::text[]) AS x(org_id, rid, cost, unpriced, key_id)) s
    LEFT JOIN api_keys k ON k.org_id = s.org_id AND k.id = s.key_id
   WHERE r.org_id = s.org_id AND r.id = s.rid AND r.status = 'held'
     -- a key bound to a team settles only reservations made by a key of that team
     AND (k.team_id IS NULL OR EXISTS (SELECT 1 FROM api_keys rk WHERE rk.org_id = r.org_id AND rk.id = r.api_key_id AND rk.team_id = k.team_id))
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
