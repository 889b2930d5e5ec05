// The statements behind ROI (typed, parameterised). Every statement leads
// with org_id on an index: rollups by their key, outcomes by (org_id, ts),
// trace calls by (org_id, trace_id). Money is summed as numeric and returned
// as text, counts as int8 text: exact, parsed to bigint by the caller.
import type { Grain, GrainPlan } from "@/lib/analytics/plan-grains";
import type { RoiInterval } from "@/lib/schemas/roi";
import { DAILY_ROLLUP, HOURLY_ROLLUP } from "@/lib/rollups/rollup-sources";

export type Statement = { text: string; values: unknown[] };

/** Which rows may matter: the caller's teams (null = all) and a feature filter. */
export type RoiScope = { teamIds: string[] | null; feature?: string };

/** Buckets of a time series (org time zone), or one bucket (label 0) for the whole range. */
export type Bucketing = { interval: RoiInterval; timeZone: string } | null;

export type CallRow = {
  b: string;
  team_id: string;
  feature: string;
  model: string;
  cost: string;
  input: string;
  output: string;
  calls: string;
  unpriced: string;
  value: string;
};
export type OutcomeRow = { b: string; team_id: string; feature: string; kind: string; value: string; n: string };
/** A trace's calls per cell: team id, feature, model, cost (numeric text), calls. */
export type TraceCellJson = [teamId: string, feature: string, model: string, cost: string, calls: number];
export type TracedOutcomeRow = OutcomeRow & { trace_id: string; team_calls_only: boolean; cells: TraceCellJson[] | null };

const SOURCES: Record<Grain, { table: string; time: string; calls: string; unpriced: string; value: string }> = {
  daily: { table: DAILY_ROLLUP, time: "bucket", calls: "x.events", unpriced: "x.unpriced_events", value: "x.value_usd" },
  hourly: { table: HOURLY_ROLLUP, time: "bucket", calls: "x.events", unpriced: "x.unpriced_events", value: "x.value_usd" },
  raw: { table: "usage_events", time: "ts", calls: "1", unpriced: "x.unpriced::int", value: "coalesce(x.value_usd, 0)" },
};

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

/** Bucket label in epoch ms: date_trunc in the organisation's zone, or 0 for the whole range. */
function labeller(params: Params, bucketing: Bucketing): (column: string) => string {
  if (!bucketing) return () => "0::int8";
  let bound: { interval: string; zone: string } | null = null;
  return (column) => {
    bound ??= { interval: params.add(bucketing.interval), zone: params.add(bucketing.timeZone) };
    return `(extract(epoch FROM date_trunc(${bound.interval}, ${column}, ${bound.zone})) * 1000)::int8`;
  };
}

function scopeConditions(params: Params, alias: string, scope: RoiScope): string[] {
  const conditions: string[] = [];
  if (scope.teamIds) conditions.push(`${alias}.team_id = ANY(${params.add(scope.teamIds)}::text[])`);
  if (scope.feature !== undefined) conditions.push(`${alias}.feature = ${params.add(scope.feature)}`);
  return conditions;
}

const and = (conditions: string[]) => conditions.map((c) => ` AND ${c}`).join("");

/**
 * Calls per (bucket, team, feature, model) over the plan's ranges: cost,
 * tokens, calls, unpriced calls and event value. Not filtered by model: the
 * split of rule 2 needs every model of a team and feature.
 */
export function callCellsSql(input: { orgId: string; plan: GrainPlan; bucketing: Bucketing; scope: RoiScope }): Statement | null {
  const params = new Params();
  const org = params.add(input.orgId);
  const label = labeller(params, input.bucketing);
  const selects = (Object.keys(SOURCES) as Grain[])
    .filter((grain) => input.plan[grain].length > 0)
    .map((grain) => {
      const { table, time, calls, unpriced, value } = SOURCES[grain];
      const ranges = input.plan[grain].map((r) => `(x.${time} >= ${params.add(r.from)} AND x.${time} < ${params.add(r.to)})`);
      return `SELECT ${label(`x.${time}`)} AS b, x.team_id, x.feature, x.model, x.cost_usd AS cost,
                     x.input_tokens::int8 AS input, x.output_tokens::int8 AS output, ${calls}::int8 AS calls,
                     ${unpriced}::int8 AS unpriced, ${value} AS value
                FROM ${table} x
               WHERE x.org_id = ${org} AND (${ranges.join(" OR ")})${and(scopeConditions(params, "x", input.scope))}`;
    });
  if (selects.length === 0) return null;
  const text = `SELECT b::text AS b, team_id, feature, model, sum(cost)::text AS cost, sum(input)::text AS input,
                       sum(output)::text AS output, sum(calls)::text AS calls, sum(unpriced)::text AS unpriced, sum(value)::text AS value
                  FROM (${selects.join("\n UNION ALL ")}) u
                 GROUP BY 1, 2, 3, 4`;
  return { text, values: params.values };
}

/** Outcomes in [from, to) without a traceId, per (bucket, team, feature, kind). */
export function plainOutcomesSql(input: { orgId: string; from: Date; to: Date; bucketing: Bucketing; scope: RoiScope }): Statement {
  const params = new Params();
  const label = labeller(params, input.bucketing);
  const text = `SELECT ${label("x.ts")}::text AS b, x.team_id, x.feature, x.kind, sum(x.value_usd)::text AS value, sum(x.count)::text AS n
                  FROM outcomes x
                 WHERE x.org_id = ${params.add(input.orgId)} AND x.ts >= ${params.add(input.from)} AND x.ts < ${params.add(input.to)}
                   AND x.trace_id IS NULL${and(scopeConditions(params, "x", input.scope))}
                 GROUP BY 1, 2, 3, 4`;
  return { text, values: params.values };
}

/**
 * Outcomes in [from, to) with a traceId, per (bucket, trace, team, feature,
 * kind, whether it credits only its own team's calls), each with every
 * call of its trace whatever its time, per (team,
 * feature, model): null while the trace has no calls. One statement: the
 * trace ids never travel to the client and back, and each trace is read
 * once through the (org_id, trace_id) index. Under a scope, an outcome is
 * read when it or any call of its trace is inside the scope (a traced
 * outcome lands on its trace's cells, or on its own team and feature while
 * the trace has no calls).
 */
export function tracedOutcomesSql(input: { orgId: string; from: Date; to: Date; bucketing: Bucketing; scope: RoiScope }): Statement {
  const params = new Params();
  const label = labeller(params, input.bucketing);
  const org = params.add(input.orgId);
  const own = scopeConditions(params, "x", input.scope);
  const ofTrace = scopeConditions(params, "e", input.scope);
  const scoped =
    own.length === 0
      ? ""
      : ` AND ((${own.join(" AND ")})
              OR EXISTS (SELECT 1 FROM usage_events e WHERE e.org_id = ${org} AND e.trace_id = x.trace_id AND ${ofTrace.join(" AND ")}))`;
  const text = `
    WITH o AS MATERIALIZED (
      SELECT ${label("x.ts")} AS b, x.trace_id, x.team_id, x.feature, x.kind, x.team_calls_only, sum(x.value_usd) AS value, sum(x.count) AS n
        FROM outcomes x
       WHERE x.org_id = ${org} AND x.ts >= ${params.add(input.from)} AND x.ts < ${params.add(input.to)}
         AND x.trace_id IS NOT NULL${scoped}
       GROUP BY 1, 2, 3, 4, 5, 6
    ), c AS MATERIALIZED (
      SELECT g.trace_id, json_agg(json_build_array(g.team_id, g.feature, g.model, g.cost::text, g.calls)) AS cells
        FROM (SELECT e.trace_id, e.team_id, e.feature, e.model, sum(e.cost_usd) AS cost, count(*) AS calls
                FROM (SELECT DISTINCT trace_id FROM o) t
                JOIN usage_events e ON e.org_id = ${org} AND e.trace_id = t.trace_id
               GROUP BY 1, 2, 3, 4) g
       GROUP BY 1
    )
    SELECT o.b::text AS b, o.trace_id, o.team_id, o.feature, o.kind, o.team_calls_only, o.value::text AS value, o.n::text AS n, c.cells
      FROM o LEFT JOIN c ON c.trace_id = o.trace_id`;
  return { text, values: params.values };
}
