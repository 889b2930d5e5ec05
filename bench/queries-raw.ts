// The baselines: the same questions answered by a plain GROUP BY over
// usage_events, summed exactly (numeric in SQL, bigint nano-dollars here).
import type pg from "pg";
import { formatUsd, parseUsd } from "@/lib/money";
import type { GetSpendQuery } from "@/lib/schemas/spend";

const KEY = { team: "tm.slug", model: "e.model", feature: "e.feature", provider: "e.provider", customer: "e.customer_id" } as const;

/** Spend per bucket and key; returns the total cost. */
export async function rawSpend(db: pg.Pool, orgId: string, q: GetSpendQuery, timeZone: string): Promise<string> {
  const { rows } = await db.query<{ cost: string }>(
    `SELECT date_trunc($4, e.ts, $5) AS t, ${KEY[q.groupBy]} AS key, sum(e.cost_usd)::text AS cost,
            sum(e.input_tokens) AS input, sum(e.output_tokens) AS output, count(*) AS events
       FROM usage_events e JOIN teams tm ON tm.org_id = e.org_id AND tm.id = e.team_id
      WHERE e.org_id = $1 AND e.ts >= $2 AND e.ts < $3
      GROUP BY 1, 2`,
    [orgId, q.from, q.to, q.interval, timeZone],
  );
  return formatUsd(rows.reduce((sum, r) => sum + parseUsd(r.cost), 0n));
}

/** What the overview shows (month to date: totals and top five teams); returns the total cost. */
export async function rawMonthToDate(db: pg.Pool, orgId: string, from: Date): Promise<string> {
  const [totals] = await Promise.all([
    db.query<{ cost: string }>(
      `SELECT sum(cost_usd)::text AS cost, count(*) AS events, sum(input_tokens + output_tokens) AS tokens,
              count(*) FILTER (WHERE unpriced) AS unpriced
         FROM usage_events WHERE org_id = $1 AND ts >= $2`,
      [orgId, from],
    ),
    db.query(
      `SELECT t.slug, sum(e.cost_usd) AS cost FROM usage_events e JOIN teams t ON t.org_id = e.org_id AND t.id = e.team_id
        WHERE e.org_id = $1 AND e.ts >= $2 GROUP BY t.slug ORDER BY 2 DESC LIMIT 5`,
      [orgId, from],
    ),
  ]);
  return totals.rows[0].cost;
}
