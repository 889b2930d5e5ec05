import { pool } from "@/lib/db";
import { startOfMonthInZone } from "@/lib/time/zoned";
import { HOURLY_ROLLUP } from "@/lib/rollups/rollup-sources";

export type MonthToDate = {
  from: string;
  costUsd: string;
  events: number;
  tokens: number;
  unpricedEvents: number;
  topTeams: { slug: string; name: string; unreviewed: boolean; costUsd: string }[];
};

/**
 * Spend of the current month (in the organisation's time zone) from the
 * hourly rollups. `teamIds` null means every team.
 */
export async function getMonthToDate(input: { orgId: string; teamIds: string[] | null; timeZone: string; now?: Date }): Promise<MonthToDate> {
  const from = startOfMonthInZone(input.now ?? new Date(), input.timeZone);
  const params = [input.orgId, from, input.teamIds];
  const scope = "r.org_id = $1 AND r.bucket >= $2 AND ($3::text[] IS NULL OR r.team_id = ANY($3))";
  const [totals, teams] = await Promise.all([
    pool().query<{ cost: string; events: string; tokens: string; unpriced: string }>(
      `SELECT coalesce(sum(cost_usd), 0)::text AS cost, coalesce(sum(events), 0)::text AS events,
              coalesce(sum(input_tokens + output_tokens), 0)::text AS tokens,
              coalesce(sum(unpriced_events), 0)::text AS unpriced
         FROM ${HOURLY_ROLLUP} r WHERE ${scope}`,
      params,
    ),
    pool().query<{ slug: string; name: string; unreviewed: boolean; cost: string }>(
      `SELECT t.slug, t.name, t.unreviewed, sum(r.cost_usd)::text AS cost
         FROM ${HOURLY_ROLLUP} r JOIN teams t ON t.org_id = r.org_id AND t.id = r.team_id
        WHERE ${scope}
        GROUP BY t.slug, t.name, t.unreviewed ORDER BY sum(r.cost_usd) DESC LIMIT 5`,
      params,
    ),
  ]);
  const row = totals.rows[0];
  return {
    from: from.toISOString(),
    costUsd: row.cost,
    events: Number(row.events),
    tokens: Number(row.tokens),
    unpricedEvents: Number(row.unpriced),
    topTeams: teams.rows.map((t) => ({ slug: t.slug, name: t.name, unreviewed: t.unreviewed, costUsd: t.cost })),
  };
}
