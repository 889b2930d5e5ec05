import { pool } from "@/lib/db";
import { HOURLY_ROLLUP } from "@/lib/rollups/rollup-sources";

export type OverviewExtras = {
  savedUsd: string;
  unpricedEvents: number;
  unreviewedUsd: string;
  teams: { id: string; slug: string; name: string; unreviewed: boolean }[];
};

/**
 * What the spend series do not carry, from [from, now) of the hourly rollups:
 * cache savings, unpriced events and the spend of unreviewed (shadow) teams,
 * and the organisation's teams in the caller's scope (null = every team).
 * Exact for organisations in whole-hour time zones, whose month starts on a
 * UTC hour.
 */
export async function getOverviewExtras(input: { orgId: string; teamIds: string[] | null; from: Date }): Promise<OverviewExtras> {
  const params = [input.orgId, input.from, input.teamIds];
  const [totals, teams] = await Promise.all([
    pool().query<{ saved: string; unpriced: string; unreviewed: string }>(
      `SELECT round(coalesce(sum(r.saved_usd), 0), 9)::text AS saved,
              coalesce(sum(r.unpriced_events), 0)::text AS unpriced,
              round(coalesce(sum(r.cost_usd) FILTER (WHERE t.unreviewed), 0), 9)::text AS unreviewed
         FROM ${HOURLY_ROLLUP} r JOIN teams t ON t.org_id = r.org_id AND t.id = r.team_id
        WHERE r.org_id = $1 AND r.bucket >= $2 AND ($3::text[] IS NULL OR r.team_id = ANY($3))`,
      params,
    ),
    pool().query<{ id: string; slug: string; name: string; unreviewed: boolean }>(
      `SELECT id, slug, name, unreviewed FROM teams WHERE org_id = $1 AND ($2::text[] IS NULL OR id = ANY($2)) ORDER BY slug`,
      [input.orgId, input.teamIds],
    ),
  ]);
  const row = totals.rows[0];
  return { savedUsd: row.saved, unpricedEvents: Number(row.unpriced), unreviewedUsd: row.unreviewed, teams: teams.rows };
}
