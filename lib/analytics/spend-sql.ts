import type { SpendGroupBy, SpendInterval } from "@/lib/schemas/spend";
import { CUSTOMER_DAILY_ROLLUP, DAILY_ROLLUP, HOURLY_ROLLUP } from "@/lib/rollups/rollup-sources";
import type { Grain, GrainPlan } from "./plan-grains";

export type SpendFilters = {
  /** Teams the rows must belong to; null = every team. */
  teamIds: string[] | null;
  model?: string;
  feature?: string;
  provider?: string;
  customer?: string;
};

/**
 * One group key with its non-empty buckets: [bucket start in epoch ms, cost
 * (numeric rounded to 9 places, as text: exact), input tokens, output tokens,
 * events]. Aggregated to JSON in PostgreSQL: parsing one JSON text per key
 * costs a fraction of parsing thousands of rows in node-postgres.
 */
export type SpendRow = { key: string | null; points: [t: number, cost: string, input: number, output: number, events: number][] };

type Source = { table: string; time: string; events: string; same: SpendInterval | null };

const SOURCES: Record<Grain, Source> = {
  daily: { table: DAILY_ROLLUP, time: "bucket", events: "x.events", same: "day" },
  hourly: { table: HOURLY_ROLLUP, time: "bucket", events: "x.events", same: "hour" },
  raw: { table: "usage_events", time: "ts", events: "1", same: null },
};
/** Customer queries read the customer rollup, days in the organisation's zone (the plan has no hourly stretch then). */
const CUSTOMER_DAILY: Source = { ...SOURCES.daily, table: CUSTOMER_DAILY_ROLLUP };

const COLUMN: Record<SpendGroupBy, string> = { team: "x.team_id", model: "x.model", feature: "x.feature", provider: "x.provider", customer: "x.customer_id" };

/**
 * The aggregate of a grain plan: each grain reads its own ranges (index
 * range scans on a key that leads with org_id, the ranges given as constants
 * so the planner sees how small they are), buckets rows with
 * date_trunc(interval, time, zone), and the union is summed per bucket and
 * key. A plan puts a rollup row only inside one output bucket, so when the
 * interval is the grain itself (hourly rows, interval hour) the row's own
 * bucket is its label. Customer queries read the customer rollup (local
 * days, '' for "no customer") where planCustomerGrains says so: no hourly stretch.
 */
export function spendSql(input: {
  orgId: string;
  plan: GrainPlan;
  interval: SpendInterval;
  timeZone: string;
  groupBy: SpendGroupBy;
  filters: SpendFilters;
}): { text: string; values: unknown[] } | null {
  const { plan, groupBy, filters } = input;
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const org = param(input.orgId);
  // bound on first use: PostgreSQL refuses a parameter no statement uses
  const truncBy: { interval?: string; zone?: string } = {};
  const trunc = (column: string) => {
    truncBy.interval ??= param(input.interval);
    truncBy.zone ??= param(input.timeZone);
    return `date_trunc(${truncBy.interval}, ${column}, ${truncBy.zone})`;
  };
  const conditions = [
    filters.teamIds && `x.team_id = ANY(${param(filters.teamIds)}::text[])`,
    filters.model !== undefined && `x.model = ${param(filters.model)}`,
    filters.feature !== undefined && `x.feature = ${param(filters.feature)}`,
    filters.provider !== undefined && `x.provider = ${param(filters.provider)}`,
    filters.customer !== undefined && `x.customer_id = ${param(filters.customer)}`,
  ].filter((c): c is string => Boolean(c));

  const selects = (Object.keys(SOURCES) as Grain[])
    .filter((grain) => plan[grain].length > 0)
    .map((grain) => {
      const byCustomer = groupBy === "customer" || filters.customer !== undefined;
      if (grain === "hourly" && byCustomer) throw new Error("the hourly rollup has no customer dimension: customer queries must be planned without it");
      const { table, time, events, same } = byCustomer && grain === "daily" ? CUSTOMER_DAILY : SOURCES[grain];
      const key = groupBy === "customer" && grain === "daily" ? "nullif(x.customer_id, '')" : COLUMN[groupBy];
      const ranges = plan[grain].map((r) => `(x.${time} >= ${param(r.from)} AND x.${time} < ${param(r.to)})`);
      const label = same === input.interval ? `x.${time}` : trunc(`x.${time}`);
      return `SELECT ${label} AS t, ${key} AS k, x.cost_usd AS cost,
                     x.input_tokens::int8 AS input, x.output_tokens::int8 AS output, ${events}::int8 AS events
                FROM ${table} x
               WHERE x.org_id = ${org} AND (${ranges.join(" OR ")})${conditions.map((c) => ` AND ${c}`).join("")}`;
    });
  if (selects.length === 0) return null;

  const team = groupBy === "team";
  const text = `SELECT ${team ? "tm.slug" : "a.k"} AS key,
           json_agg(json_build_array((extract(epoch FROM a.t) * 1000)::int8, a.cost, a.input, a.output, a.events)) AS points
      FROM (SELECT t, k, round(sum(cost), 9)::text AS cost, sum(input)::int8 AS input, sum(output)::int8 AS output, sum(events)::int8 AS events
              FROM (${selects.join("\n UNION ALL ")}) u
             GROUP BY t, k) a
      ${team ? `JOIN teams tm ON tm.org_id = ${org} AND tm.id = a.k` : ""}
     GROUP BY 1`;
  return { text, values };
}
