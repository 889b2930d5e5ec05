// Adds spend to the ledger of every budget an event falls under, in the
// period of the organisation's time zone that the event's timestamp falls
// in. Shared by ingest and re-pricing so both match budgets the same way:
// org; team by id; feature; model as sent or as priced; API key by id.
// Rows are written in key order (concurrent writers lock them in one order);
// each is returned with its new total (budgetAlertCtes reads them).
// `source` must have org_id, ts, team_id, feature, model, priced_model,
// api_key_id and the `amount` column.
/** Budget `b` covers event `i` (same organisation assumed). */
export const BUDGET_COVERS_EVENT = `(
             b.scope_type = 'org'
          OR (b.scope_type = 'team' AND b.scope_value = i.team_id)
          OR (b.scope_type = 'feature' AND b.scope_value = i.feature)
          OR (b.scope_type = 'model' AND b.scope_value IN (i.model, i.priced_model))
          OR (b.scope_type = 'api_key' AND b.scope_value = i.api_key_id))`;

/**
 * The end of the period (text) that starts at `start` (its date_trunc key) in
 * `zone`: the next period's local start. The start's wall-clock time is
 * truncated first: where the clocks skip midnight it reads 01:00, and the
 * period would otherwise end an hour into the next one. PostgreSQL has no
 * '1 quarter' interval: a quarter is three months.
 */
export const periodEndSql = (start: string, period: string, zone: string) =>
  `((date_trunc(${period}, ${start} AT TIME ZONE ${zone}) + (CASE ${period} WHEN 'quarter' THEN interval '3 months' ELSE ('1 ' || ${period})::interval END)) AT TIME ZONE ${zone})`;

/**
 * Sets a budget's ledger for one period ($3 start, $4 end) to the spend its
 * scope already has then ($1 org, $2 budget): a new budget counts the
 * period's spend from its start, not from when it was created.
 */
export const REBUILD_LEDGER_SQL = `
INSERT INTO budget_ledgers AS l (org_id, budget_id, period_start, period_end, spent_usd, updated_at)
SELECT $1, $2, $3, $4, coalesce(sum(i.cost_usd), 0), now()
  FROM budgets b JOIN usage_events i ON i.org_id = b.org_id AND i.ts >= $3 AND i.ts < $4 AND ${BUDGET_COVERS_EVENT}
 WHERE b.org_id = $1 AND b.id = $2
ON CONFLICT (org_id, budget_id, period_start) DO UPDATE SET spent_usd = EXCLUDED.spent_usd, updated_at = now()`;

export function ledgerUpsertSql(source: string, amount: string): string {
  // events are first summed per local day and budget-matching fields: budgets are then matched and periods
  // computed once per group, not per event (every period is a run of whole local days)
  return `INSERT INTO budget_ledgers AS l (org_id, budget_id, period_start, period_end, spent_usd, updated_at)
    SELECT b.org_id, b.id, p.period_start,
           ${periodEndSql("p.period_start", "b.period::text", "i.time_zone")},
           sum(i.amount), now()
      FROM (SELECT e.org_id, e.team_id, e.feature, e.model, e.priced_model, e.api_key_id, o.time_zone,
                   date_trunc('day', e.ts, o.time_zone) AS day, sum(e.${amount}) AS amount
              FROM ${source} e JOIN organizations o ON o.id = e.org_id
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) i
      JOIN budgets b ON b.org_id = i.org_id AND b.archived_at IS NULL AND ${BUDGET_COVERS_EVENT}
      CROSS JOIN LATERAL (SELECT date_trunc(b.period::text, i.day, i.time_zone) AS period_start) p
     GROUP BY b.org_id, b.id, p.period_start, i.time_zone, b.period ORDER BY 1, 2, 3
    ON CONFLICT (org_id, budget_id, period_start) DO UPDATE SET spent_usd = l.spent_usd + EXCLUDED.spent_usd, updated_at = now()
    RETURNING org_id, budget_id, period_start, spent_usd`;
}
