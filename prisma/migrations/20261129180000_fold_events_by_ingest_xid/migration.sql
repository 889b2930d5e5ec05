-- Rollups are folded from the events themselves (lib/rollups/compact-rollups.ts), not from deltas the
-- upkeep trigger appended: each event records the transaction that stored it, and the fold counts the
-- events of transactions below its watermark, which only passes transactions that have all ended.
-- Events stored before this migration have no ingest_xid: their deltas are folded as before.
-- Apply it whole (one transaction, as the migration runner does) with no process of the previous
-- version running: the index is built while ADD COLUMN's lock is held, so ingest waits for it (a
-- scan of usage_events), and a previous version's re-pricing would add deltas for unfolded events.
ALTER TABLE "usage_events" ADD COLUMN "ingest_xid" xid8;
ALTER TABLE "usage_events" ALTER COLUMN "ingest_xid" SET DEFAULT pg_current_xact_id();
CREATE INDEX "usage_events_ingest_xid_idx" ON "usage_events" ("ingest_xid") WHERE "ingest_xid" IS NOT NULL;

CREATE TABLE "rollup_watermark" (
    "singleton" BOOLEAN NOT NULL DEFAULT true,
    "folded_below" xid8 NOT NULL,
    CONSTRAINT "rollup_watermark_pkey" PRIMARY KEY ("singleton"),
    CONSTRAINT "rollup_watermark_singleton" CHECK ("singleton")
);
INSERT INTO "rollup_watermark" ("folded_below") VALUES ('0');

-- The upkeep of newly inserted usage events, as lib/ingest/store-events-sql.ts defines it (npm run db:upkeep-migration): ledgers and alerts only.
CREATE OR REPLACE FUNCTION finops_usage_upkeep() RETURNS trigger LANGUAGE plpgsql AS $upkeep$
DECLARE
  notifications bigint;
BEGIN
  IF current_setting('finops.skip_usage_upkeep', true) = 'on' THEN
    RETURN NULL;
  END IF;
  WITH ins AS (SELECT * FROM new_rows),
ledgers AS (INSERT INTO budget_ledgers AS l (org_id, budget_id, period_start, period_end, spent_usd, updated_at)
    SELECT b.org_id, b.id, p.period_start,
           ((date_trunc(b.period::text, p.period_start AT TIME ZONE i.time_zone) + (CASE b.period::text WHEN 'quarter' THEN interval '3 months' ELSE ('1 ' || b.period::text)::interval END)) AT TIME ZONE i.time_zone),
           sum(i.amount), now()
      FROM (SELECT e.org_id, e.team_id, e.feature, e.model, e.priced_model, e.api_key_id, o.time_zone,
                   date_trunc('day', e.ts, o.time_zone) AS day, sum(e.cost_usd) AS amount
              FROM ins e JOIN organizations o ON o.id = e.org_id
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) i
      JOIN budgets b ON b.org_id = i.org_id AND b.archived_at IS NULL AND (
             b.scope_type = 'org'
          OR (b.scope_type = 'team' AND b.scope_value = i.team_id)
          OR (b.scope_type = 'feature' AND b.scope_value = i.feature)
          OR (b.scope_type = 'model' AND b.scope_value IN (i.model, i.priced_model))
          OR (b.scope_type = 'api_key' AND b.scope_value = i.api_key_id))
      CROSS JOIN LATERAL (SELECT date_trunc(b.period::text, i.day, i.time_zone) AS period_start) p
     GROUP BY b.org_id, b.id, p.period_start, i.time_zone, b.period ORDER BY 1, 2, 3
    ON CONFLICT (org_id, budget_id, period_start) DO UPDATE SET spent_usd = l.spent_usd + EXCLUDED.spent_usd, updated_at = now()
    RETURNING org_id, budget_id, period_start, spent_usd),
notified AS (SELECT pg_notify('finops_budgets', org_id) FROM (SELECT DISTINCT org_id FROM ledgers) AS changed_orgs),

alert_ledgers AS (
  SELECT l.org_id, l.budget_id, l.period_start, l.spent_usd, b.name, b.period, b.limit_usd, b.alert_thresholds,
         CASE b.scope_type WHEN 'org' THEN 'org' WHEN 'api_key' THEN 'apiKey:' || b.scope_value
              WHEN 'team' THEN 'team:' || coalesce(t.slug, b.scope_value) ELSE b.scope_type::text || ':' || b.scope_value END AS scope,
         CASE b.period
    WHEN 'day' THEN to_char(l.period_start AT TIME ZONE o.time_zone, 'FMDD Mon YYYY')
    WHEN 'week' THEN 'week of ' || to_char(l.period_start AT TIME ZONE o.time_zone, 'FMDD Mon YYYY')
    WHEN 'month' THEN 'month of ' || to_char(l.period_start AT TIME ZONE o.time_zone, 'Mon YYYY')
    ELSE to_char(l.period_start AT TIME ZONE o.time_zone, '"Q"Q YYYY') END AS period_label
    FROM budgets b
    JOIN ledgers l ON l.org_id = b.org_id AND l.budget_id = b.id
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
                CASE WHEN r.threshold = 1 THEN 'its cap: ' ELSE '' END, r.percent || '%', to_char(r.limit_usd, 'FM$999,999,999,999,999,999,999,999,999,990.00'), r.period_label, to_char(r.spent_usd, 'FM$999,999,999,999,999,999,999,999,999,990.00')),
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
alert_deliveries AS (INSERT INTO webhook_deliveries (org_id, id, webhook_id, alert_id, event)
  SELECT a.org_id, gen_random_uuid()::text, w.id, a.id, 'budget.alert'
    FROM new_alerts a JOIN webhooks w ON w.org_id = a.org_id AND w.enabled
  RETURNING org_id),
alerts_notified AS (SELECT pg_notify('finops_webhooks', org_id) FROM (SELECT DISTINCT org_id FROM alert_deliveries) AS queued_orgs)
  SELECT (SELECT count(*) FROM notified) + (SELECT count(*) FROM alerts_notified) INTO notifications;
  RETURN NULL;
END
$upkeep$;
