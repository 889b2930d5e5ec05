import { queryWithWorkMem } from "@/lib/db";
import type { GetSpendQuery, GetSpendResponse } from "@/lib/schemas/spend";
import { loadSpendContext } from "./load-spend-context";
import { planCustomerGrains } from "./plan-customer-grains";
import { planGrains } from "./plan-grains";
import { spendSql, type SpendRow } from "./spend-sql";
import { scopeToTeam } from "./team-scope";
import { toSpendResponse } from "./to-spend-response";

/**
 * Spend over [from, to) per group key and bucket of `interval` in the
 * organisation's time zone (API.md, "Spend queries"), exact to the
 * nano-dollar, read from the coarsest grain that fits (plan-grains.ts).
 * `teamIds` is the caller's team scope (null = every team): rows outside it
 * are never read, and a team filter outside it is refused (403) whether or not
 * the team exists. An unknown team is 404 for callers who see every team.
 */
export async function getSpendSeries(input: { orgId: string; teamIds: string[] | null; query: GetSpendQuery }): Promise<GetSpendResponse> {
  const { orgId, teamIds, query } = input;
  const context = await loadSpendContext({ orgId, teamSlug: query.team ?? null, from: query.from, to: query.to, interval: query.interval });

  const scope = scopeToTeam({ teamIds, team: query.team, teamId: context.teamId, what: "spend" });

  const { from, to, interval } = query;
  const plan =
    query.groupBy === "customer" || query.customer !== undefined
      ? planCustomerGrains({ from, to, interval, timeZone: context.timeZone })
      : planGrains({ from, to, bucketStarts: context.bucketStarts, rawOnly: false });
  const sql = spendSql({
    orgId,
    plan,
    interval: query.interval,
    timeZone: context.timeZone,
    groupBy: query.groupBy,
    filters: { teamIds: scope, model: query.model, feature: query.feature, provider: query.provider, customer: query.customer },
  });
  const rows = sql ? (await queryWithWorkMem<SpendRow>(sql.text, sql.values)).rows : [];
  return toSpendResponse({ ...query, rows, bucketStarts: context.bucketStarts, timeZone: context.timeZone });
}
