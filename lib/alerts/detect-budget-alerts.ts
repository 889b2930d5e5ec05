// Budget alerts, raised inside the transaction that stored the spend (the
// ingest hook in lib/ingest/ingest-events.ts), in one statement:
// - it looks at the ledgers this transaction touched (the storing statement
//   sets updated_at = now(), the transaction's start time, kept to the
//   millisecond), of non-archived budgets of `orgIds`: an organisation
//   without budgets costs one empty index probe;
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
import type pg from "pg";
import { readsCte } from "@/lib/sql-reads-cte";
import { NOTIFY_WEBHOOK_DELIVERIES, QUEUE_WEBHOOK_DELIVERIES } from "@/lib/webhooks/webhook-notify";

const PERIOD_LABEL = `CASE b.period
    WHEN 'day' THEN to_char(l.period_start AT TIME ZONE o.time_zone, 'FMDD Mon YYYY')
    WHEN 'week' THEN 'week of ' || to_char(l.period_start AT TIME ZONE o.time_zone, 'FMDD Mon YYYY')
    WHEN 'month' THEN 'month of ' || to_char(l.period_start AT TIME ZONE o.time_zone, 'Mon YYYY')
    ELSE to_char(l.period_start AT TIME ZONE o.time_zone, '"Q"Q YYYY') END`;

const USD = (expr: string) => `to_char(${expr}, 'FM$99,999,999,999,990.00')`;

/**
 * The CTEs (to follow WITH or a comma) that raise the alerts reached by the
 * ledger rows `ledgers` (aliased l: org_id, budget_id, period_start,
 * spent_usd) that satisfy `where`; the last, alerts_notified, must be
 * read by the statement for the webhook workers to be woken.
 */
export function budgetAlertCtes(ledgers: string, where: string): string {
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
   WHERE b.archived_at IS NULL AND l.spent_usd > 0 AND ${where}
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
  RETURNING org_id, id, budget_id, kind, threshold::text AS threshold, period_start, message, payload, created_at
),
alert_deliveries AS (${QUEUE_WEBHOOK_DELIVERIES("new_alerts", "budget.alert")}),
alerts_notified AS (${NOTIFY_WEBHOOK_DELIVERIES("alert_deliveries")})`;
}

/** Raises the alerts reached by the ledgers of organisations $1 that this transaction wrote (they carry its now()). */
export const DETECT_BUDGET_ALERTS_SQL = `
WITH ${budgetAlertCtes("budget_ledgers", "b.org_id = ANY($1::text[]) AND l.updated_at = now()::timestamptz(3)")}
SELECT a.* FROM new_alerts a ${readsCte("alerts_notified")}
 ORDER BY a.org_id, a.budget_id, a.period_start, a.threshold::numeric`;

export type NewAlertRow = {
  org_id: string;
  id: string;
  budget_id: string;
  kind: "threshold" | "cap";
  threshold: string;
  period_start: Date;
  message: string;
  payload: unknown;
  created_at: Date;
};

/**
 * Raises, in the caller's transaction, the alerts that the spend written in
 * that transaction reached for the organisations `orgIds`; returns the new ones.
 */
export async function detectBudgetAlerts(client: pg.PoolClient, orgIds: string[]): Promise<NewAlertRow[]> {
  if (orgIds.length === 0) return [];
  // prepared once per connection: planning this statement costs more than running it (about 2 ms vs 0.3 ms)
  const { rows } = await client.query<NewAlertRow>({ name: "detect-budget-alerts", text: DETECT_BUDGET_ALERTS_SQL, values: [[...new Set(orgIds)].sort()] });
  return rows;
}
