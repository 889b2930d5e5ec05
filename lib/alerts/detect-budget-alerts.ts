// Budget alerts, raised by the statement that adds spend to the ledgers (an
// ingest batch, lib/ingest/store-events-sql.ts, or a re-pricing chunk,
// lib/pricing/reprice-sql.ts), from the ledger rows it returns:
// - only the ledgers that statement wrote are looked at, of non-archived
//   budgets, with their new totals;
// - every alert threshold reached (spent >= threshold x limit) becomes an
//   alert, kind 'threshold' below 1 and 'cap' at or above it; the cap (1.0)
//   always alerts even when it is not listed among the thresholds;
// - ON CONFLICT DO NOTHING on (org_id, budget_id, kind, threshold,
//   period_start): an alert fires once per budget, threshold and period, also
//   when the same spend is ingested again, in many batches, or by concurrent
//   transactions (the ledger rows they share are locked until commit, so the
//   later one sees the earlier one's alert);
// - each new alert queues a delivery to every enabled webhook of its
//   organisation (an outbox in the same transaction) and notifies the
//   delivery workers at commit.
// Alerts are on money spent only, not on reservations: a reservation is an
// estimate that is usually settled lower or expires, and an alert fires only
// once per period, so one raised on a reserved amount that is then released
// could never fire again when the spend is real. The policy check already
// answers `warn` on spent + reserved for the caller that needs it.
import { NOTIFY_WEBHOOK_DELIVERIES, QUEUE_WEBHOOK_DELIVERIES } from "@/lib/webhooks/webhook-notify";

const PERIOD_LABEL = `CASE b.period
    WHEN 'day' THEN to_char(l.period_start AT TIME ZONE o.time_zone, 'FMDD Mon YYYY')
    WHEN 'week' THEN 'week of ' || to_char(l.period_start AT TIME ZONE o.time_zone, 'FMDD Mon YYYY')
    WHEN 'month' THEN 'month of ' || to_char(l.period_start AT TIME ZONE o.time_zone, 'Mon YYYY')
    ELSE to_char(l.period_start AT TIME ZONE o.time_zone, '"Q"Q YYYY') END`;

// room for the 29 whole digits of a ledger's Decimal(38,9), rounded up to 30
const USD = (expr: string) => `to_char(${expr}, 'FM$999,999,999,999,999,999,999,999,999,990.00')`;

/**
 * The CTEs (to follow a comma) that raise the alerts reached by `ledgers`,
 * the ledger rows a CTE of the statement wrote (org_id, budget_id,
 * period_start, spent_usd); the last, alerts_notified, must be read by the
 * statement for the webhook workers to be woken (readsCte).
 */
export function budgetAlertCtes(ledgers: string): string {
  return `
alert_ledgers AS (
  SELECT l.org_id, l.budget_id, l.period_start, l.spent_usd, b.name, b.period, b.limit_usd, b.alert_thresholds,
         CASE b.scope_type WHEN 'org' THEN 'org' WHEN 'api_key' THEN 'apiKey:' || b.scope_value
              WHEN 'team' THEN 'team:' || coalesce(t.slug, b.scope_value) ELSE b.scope_type::text || ':' || b.scope_value END AS scope,
         ${PERIOD_LABEL} AS period_label
    FROM budgets b
    JOIN ${ledgers} l ON l.org_id = b.org_id AND l.budget_id = b.id
    JOIN organizations o ON o.id = b.org_id
    LEFT JOIN teams t ON b.scope_type = 'team' AND t.org_id = b.org_id AND t.id = b.scope_value
   WHERE b.archived_at IS NULL AND l.spent_usd > 0
),
reached AS (
  SELECT x.*, th.threshold, trim_scale(th.threshold * 100) AS percent
    FROM alert_ledgers x
    CROSS JOIN LATERAL (SELECT unnest(x.alert_thresholds) UNION SELECT 1.0) AS th(threshold)
   WHERE x.spent_usd >= th.threshold * x.limit_usd
),
new_alerts AS (
  INSERT INTO alerts (org_id, id, budget_id, kind, threshold, period_start, message, payload, created_at)
  SELECT r.org_id, gen_random_uuid()::text, r.budget_id, CASE WHEN r.threshold >= 1 THEN 'cap' ELSE 'threshold' END,
         r.threshold, r.period_start,
         format('Budget ''%s'' reached %s%s of %s (%s); %s spent', r.name,
                CASE WHEN r.threshold = 1 THEN 'its cap: ' ELSE '' END, r.percent || '%', ${USD("r.limit_usd")}, r.period_label, ${USD("r.spent_usd")}),
         jsonb_build_object('budgetId', r.budget_id, 'budgetName', r.name, 'scope', r.scope, 'period', r.period::text,
                            'periodStart', to_char(r.period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                            'threshold', trim_scale(r.threshold), 'percent', r.percent,
                            'spentUsd', r.spent_usd::text, 'limitUsd', r.limit_usd::text),
         -- a millisecond apart, so "newest first" lists a budget's cap above its 80% above its 50%
         now() + row_number() OVER (ORDER BY r.org_id, r.budget_id, r.period_start, r.threshold) * interval '1 millisecond'
    FROM reached r
   ORDER BY r.org_id, r.budget_id, r.period_start, r.threshold
  ON CONFLICT (org_id, budget_id, kind, threshold, period_start) DO NOTHING
  RETURNING org_id, id
),
alert_deliveries AS (${QUEUE_WEBHOOK_DELIVERIES("new_alerts", "budget.alert")}),
alerts_notified AS (${NOTIFY_WEBHOOK_DELIVERIES("alert_deliveries")})`;
}
